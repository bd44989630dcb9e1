using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sov.Tests.Headless;

/// <summary>
/// The assertion behind issue #11's text border for output: written independently of the code under test,
/// it lists what must never reach a terminal raw: C0 controls but tab and newline, DEL, C1 controls, bidi
/// controls and marks, zero-width and invisible format characters, BOM, line/paragraph separators, tag
/// characters, unpaired surrogates.
/// </summary>
internal static partial class InertOutput
{
    public static void Assert(string written, string where)
    {
        for (var i = 0; i < written.Length; i++)
        {
            if (char.IsSurrogate(written[i]))
            {
                Xunit.Assert.True(Rune.TryGetRuneAt(written, i, out var rune), $"{where}: unpaired surrogate at {i}");
                Xunit.Assert.False(rune.Value is >= 0xE0000 and <= 0xE007F, $"{where}: tag character U+{rune.Value:X} at {i}: {Around(written, i)}");
                i++;
                continue;
            }

            var c = written[i];
            var bad = c is (< ' ' and not ('\t' or '\n')) or (>= '\u007f' and <= '\u009f')
                or (>= '\u200b' and <= '\u200f') or (>= '\u202a' and <= '\u202e') or (>= '\u2060' and <= '\u206f')
                or '\u061c' or '\ufeff' or '\u2028' or '\u2029' or '\u180e';
            Xunit.Assert.False(bad, $"{where}: raw U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at {i}: {Around(written, i)}");
        }
    }

    /// <summary>The terminal UI's own sequences (colour on): SGR, erase to end of line, cursor back. Anything else is foreign.</summary>
    public static string WithoutOwnSequences(string written) => Own().Replace(written, "");

    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 20);
        return text[start..Math.Min(text.Length, at + 20)].Replace("\e", "<ESC>", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\e\[[0-9;]*[mKD]")]
    private static partial Regex Own();
}
