using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sov.Core.Scan;

/// <summary>
/// Where to cut a file into windows the classifier takes one at a time. A window ends when the bytes that can make a
/// finding (anything but printable ASCII, tab, CR and LF; with info findings also LF, for trailing whitespace) pass
/// <see cref="Budget"/>, at the last line end before that (inside a line with none, at a code point boundary). An
/// ordinary file is one window, classified whole; a flood of hidden characters is cut into many small ones, so the
/// findings alive at once, and the memory they take, stay bounded.
/// </summary>
internal static class ScanWindows
{
    public const int Budget = 16 * 1024;

    private const int Block = 4096;

    /// <summary>The length of the next window at the start of <paramref name="span"/>; <paramref name="full"/> when the budget ended it.</summary>
    public static int Cut(ReadOnlySpan<byte> span, bool newlines, out bool full)
    {
        full = false;
        var units = 0;
        var end = 0;
        while (end < span.Length)
        {
            var length = Math.Min(Block, span.Length - end);
            units += CountUnits(span.Slice(end, length), newlines);
            end += length;
            if (units > Budget)
            {
                full = true;
                break;
            }
        }

        return full ? CutBefore(span, end) : span.Length;
    }

    /// <summary>A cut at or before <paramref name="end"/>: after the last line end, else at a code point boundary; at least 1.</summary>
    public static int CutBefore(ReadOnlySpan<byte> span, int end)
    {
        var newline = span[..end].LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            return newline + 1;
        }

        // no line end: do not split a code point (the buffer may end inside one, with more to come)
        var i = end - 1;
        for (var back = 0; i > 0 && back < 3 && (span[i] & 0xC0) == 0x80; back++)
        {
            i--;
        }

        var lead = span[i];
        var need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return i > 0 && i + need > end ? i : end;
    }

    /// <summary>How many bytes of <paramref name="s"/> can start a finding.</summary>
    public static int CountUnits(ReadOnlySpan<byte> s, bool newlines)
    {
        var n = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((byte)0x20);
            var del = Vector128.Create((byte)0x7F);
            var tab = Vector128.Create((byte)'\t');
            var cr = Vector128.Create((byte)'\r');
            var lf = Vector128.Create(newlines ? (byte)'\t' : (byte)'\n'); // counted as a unit with info findings (trailing whitespace)
            for (; i + 16 <= s.Length; i += 16)
            {
                var v = Vector128.Create(s.Slice(i, 16));
                var quiet = (Vector128.GreaterThanOrEqual(v, space) & Vector128.LessThan(v, del))
                    | Vector128.Equals(v, tab) | Vector128.Equals(v, cr) | Vector128.Equals(v, lf);
                n += 16 - BitOperations.PopCount(quiet.ExtractMostSignificantBits());
            }
        }

        for (; i < s.Length; i++)
        {
            var b = s[i];
            n += b is (>= 0x20 and < 0x7F) or (byte)'\t' or (byte)'\r' || (b == '\n' && !newlines) ? 0 : 1;
        }

        return n;
    }
}
