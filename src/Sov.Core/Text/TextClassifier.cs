using System.Buffers;

namespace Sov.Core.Text;

/// <summary>
/// The hidden-Unicode classifier over UTF-8. A vectorised prefilter finds the first byte that is not
/// printable ASCII, tab, CR or LF; clean text costs one vectorised search (and one for carriage returns) and
/// no allocation. Only from there on does the scanner decode, and only around hits.
/// </summary>
public static class TextClassifier
{
    private static readonly SearchValues<byte> Quiet = SearchValues.Create(QuietBytes());

    /// <summary>The index of the first byte that needs a look (non-ASCII, C0 control other than tab/CR/LF, DEL), or -1.</summary>
    public static int IndexOfSuspect(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExcept(Quiet);

    /// <summary>
    /// True when <paramref name="utf8"/> needs classifying: a suspect byte or a carriage return in the middle of a line
    /// (#21). A piece of a file that ends in CR needs it too: the line may go on in the next piece (review of #21).
    /// </summary>
    public static bool NeedsLook(ReadOnlySpan<byte> utf8) =>
        IndexOfSuspect(utf8) >= 0 || CarriageReturnRule.First(utf8) >= 0 || (utf8.Length > 0 && utf8[^1] == '\r');

    /// <summary>Classifies <paramref name="utf8"/> and appends findings, ordered by offset.</summary>
    public static void Classify(ReadOnlySpan<byte> utf8, ClassifyOptions options, List<TextFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var before = findings.Count;
        var first = IndexOfSuspect(utf8);
        var carriageReturn = CarriageReturnRule.First(utf8);
        if (first >= 0 || carriageReturn >= 0)
        {
            var scanner = new Utf8Scanner(utf8, options, findings);
            scanner.Run(first < 0 ? carriageReturn : carriageReturn < 0 ? first : Math.Min(first, carriageReturn), carriageReturn);
            HiddenSpread.Escalate(findings, before);
        }

        if (options.IncludeInfo)
        {
            TrailingWhitespace.Find(utf8, findings);
        }

        if (findings.Count - before > 1)
        {
            findings.Sort(before, findings.Count - before, FindingOrder.Instance);
        }
    }

    /// <summary>Convenience: classify and return the findings.</summary>
    public static List<TextFinding> Classify(ReadOnlySpan<byte> utf8, ClassifyOptions options)
    {
        var list = new List<TextFinding>();
        Classify(utf8, options, list);
        return list;
    }

    private static byte[] QuietBytes()
    {
        var bytes = new List<byte> { (byte)'\t', (byte)'\n', (byte)'\r' };
        for (var b = 0x20; b < 0x7F; b++)
        {
            bytes.Add((byte)b);
        }

        return [.. bytes];
    }

    private sealed class FindingOrder : IComparer<TextFinding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(TextFinding? x, TextFinding? y) =>
            x!.Offset != y!.Offset ? x.Offset.CompareTo(y.Offset) : y.Length.CompareTo(x.Length);
    }
}
