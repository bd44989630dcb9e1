using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Watch;

/// <summary>
/// The text border pointed at what a watched command produced. Reports every finding from low severity up
/// (zero-width runs, tag and variation-selector smuggling with their decoded payload, bidi, controls), and
/// trailing spaces and tabs as one pattern per source, decoded as bits (space 0, tab 1) when they spell text.
/// </summary>
public static class HiddenTextScan
{
    public static List<WatchHidden> Scan(string source, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = new List<WatchHidden>();
        var trailing = new List<(int Line, string Run)>();
        foreach (var finding in TextClassifier.Classify(utf8, new ClassifyOptions(SourceKind.Prose, IncludeInfo: true)))
        {
            if (finding.Category == TextCategory.TrailingWhitespace)
            {
                trailing.Add((finding.Line, Encoding.UTF8.GetString(utf8.Slice(finding.Offset, finding.Length))));
            }
            else if (finding.Severity >= Severity.Low)
            {
                found.Add(new WatchHidden(source, finding.Line, finding.Rule, finding.Message));
            }
        }

        if (trailing.Count > 0)
        {
            found.Add(new WatchHidden(source, trailing[0].Line, "trailing-whitespace-pattern", TrailingMessage(trailing)));
        }

        return found;
    }

    private static string TrailingMessage(List<(int Line, string Run)> runs)
    {
        var pattern = string.Join(' ', runs.Take(32).Select(r => r.Run.Replace(" ", "s", StringComparison.Ordinal).Replace("\t", "t", StringComparison.Ordinal)));
        var message = $"{runs.Count} line(s) end in spaces or tabs (pattern {pattern}{(runs.Count > 32 ? " ..." : string.Empty)})";
        return Decode(string.Concat(runs.Select(r => r.Run))) is { } text ? $"{message}: decodes to \"{text}\"" : message;
    }

    /// <summary>Spaces as 0 and tabs as 1, eight to a byte; text only when every byte is printable ASCII.</summary>
    private static string? Decode(string bits)
    {
        if (bits.Length < 8 || bits.Length % 8 != 0 || !bits.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < bits.Length; i += 8)
        {
            var value = 0;
            for (var b = 0; b < 8; b++)
            {
                value = (value << 1) | (bits[i + b] == '\t' ? 1 : 0);
            }

            if (value is < 0x20 or >= 0x7F)
            {
                return null;
            }

            text.Append((char)value);
        }

        return text.ToString();
    }
}
