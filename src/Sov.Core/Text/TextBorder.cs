using System.Buffers;
using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// The text border's API for the agent: every text that crosses (model output before the terminal or
/// a file; files, tool output, AGENTS.md before the model) goes through <see cref="Apply"/>.
/// Clean text (printable ASCII, tab, CR, LF) costs one vectorised search and returns the same string
/// instance: no allocation. Only text with a suspect character is transcoded and classified.
/// </summary>
public static class TextBorder
{
    private static readonly SearchValues<char> Quiet = SearchValues.Create(QuietChars());

    /// <summary>True when the text has nothing the classifier would look at.</summary>
    public static bool IsQuiet(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(Quiet) < 0 && !HasMidLineCarriageReturn(text);

    /// <summary>#21: a CR not followed by LF (or another CR) before the end: the terminal overwrite trick, or old-Mac line ends.</summary>
    private static bool HasMidLineCarriageReturn(ReadOnlySpan<char> text)
    {
        var i = text.IndexOf('\r');
        while (i >= 0 && i + 1 < text.Length)
        {
            if (text[i + 1] is not ('\n' or '\r'))
            {
                return true;
            }

            var next = text[(i + 1)..].IndexOf('\r');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>Findings at or above <paramref name="threshold"/> in a UTF-16 text (offsets are UTF-8 bytes).</summary>
    public static IReadOnlyList<TextFinding> Inspect(string text, SourceKind kind = SourceKind.Prose, Severity threshold = Severity.Low)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsQuiet(text))
        {
            return [];
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(text, rented);
            var findings = TextClassifier.Classify(rented.AsSpan(0, n), new ClassifyOptions(kind, threshold == Severity.Info));
            findings.RemoveAll(f => f.Severity < threshold);
            return findings;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Applies a policy. Reveal and strip return the (possibly same) text; block throws <see cref="TextBlockedException"/>.</summary>
    public static string Apply(string text, TextPolicy policy, SourceKind kind = SourceKind.Prose, Severity threshold = Severity.Low)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsQuiet(text))
        {
            return text;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(text, rented);
            var utf8 = rented.AsSpan(0, n);
            var findings = TextClassifier.Classify(utf8, new ClassifyOptions(kind, threshold == Severity.Info));
            findings.RemoveAll(f => f.Severity < threshold);
            if (findings.Count == 0)
            {
                return text;
            }

            return policy switch
            {
                TextPolicy.Block => throw new TextBlockedException(findings),
                TextPolicy.Strip => Encoding.UTF8.GetString(TextFixer.Apply(utf8, findings, threshold, reveal: false)),
                _ => Encoding.UTF8.GetString(TextFixer.Apply(utf8, findings, threshold, reveal: true)),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Reveal(string text, SourceKind kind = SourceKind.Prose) => Apply(text, TextPolicy.Reveal, kind);

    public static string Strip(string text, SourceKind kind = SourceKind.Prose) => Apply(text, TextPolicy.Strip, kind);

    public static void Block(string text, SourceKind kind = SourceKind.Prose) => Apply(text, TextPolicy.Block, kind);

    private static char[] QuietChars()
    {
        var chars = new List<char> { '\t', '\n', '\r' };
        for (var c = ' '; c < (char)0x7F; c++)
        {
            chars.Add(c);
        }

        return [.. chars];
    }
}
