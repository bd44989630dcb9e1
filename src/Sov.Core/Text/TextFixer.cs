using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// Rewrites UTF-8 text at flagged positions only: removes or replaces each finding's bytes (strip, <c>--fix</c>)
/// or swaps each flagged code point for a visible marker (reveal). Bytes outside findings are copied unchanged.
/// </summary>
public static class TextFixer
{
    public static byte[] Apply(ReadOnlySpan<byte> utf8, IReadOnlyList<TextFinding> findings, Severity threshold, bool reveal = false)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var output = new List<byte>(utf8.Length);
        var pos = 0;
        foreach (var f in findings)
        {
            if (f.Severity < threshold || f.Offset < pos || f.Offset + f.Length > utf8.Length)
            {
                continue;
            }

            if (reveal)
            {
                if (f.Fix == FixAction.None)
                {
                    continue;
                }

                output.AddRange(utf8[pos..f.Offset]);
                AppendMarkers(utf8.Slice(f.Offset, f.Length), output);
                pos = f.Offset + f.Length;
                continue;
            }

            var replacement = f.Fix switch
            {
                FixAction.Remove => [],
                FixAction.Space => " "u8,
                FixAction.ReplacementCharacter => "\uFFFD"u8,
                _ => (ReadOnlySpan<byte>)null,
            };
            if (f.Fix == FixAction.None)
            {
                continue;
            }

            output.AddRange(utf8[pos..f.Offset]);
            output.AddRange(replacement);
            pos = f.Offset + f.Length;
        }

        output.AddRange(utf8[pos..]);
        return [.. output];
    }

    /// <summary>True when some finding at or above the threshold would change the text.</summary>
    public static bool HasFixable(IReadOnlyList<TextFinding> findings, Severity threshold)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var f in findings)
        {
            if (f.Severity >= threshold && f.Fix != FixAction.None)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendMarkers(ReadOnlySpan<byte> flagged, List<byte> output)
    {
        var q = 0;
        while (q < flagged.Length)
        {
            var cp = Utf8Text.Next(flagged, q, out var len);
            if (cp < 0)
            {
                output.AddRange(Encoding.UTF8.GetBytes($"⟦0x{flagged[q]:X2}⟧"));
                q++;
                continue;
            }

            var marker = cp is >= 0x20 and < 0x7F ? ((char)cp).ToString() : CodePoints.Marker(cp);
            output.AddRange(Encoding.UTF8.GetBytes(marker));
            q += len;
        }
    }
}
