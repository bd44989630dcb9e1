using System.Globalization;
using System.Text;

namespace Sov.Core.Text;

/// <summary>Quoting a word for a POSIX shell command line that a person may paste (#21).</summary>
public static class ShellQuoting
{
    /// <summary>'text' (a quote inside becomes '\''), as bash, zsh and sh read it.</summary>
    public static string Posix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A file name as one word: single-quoted, led by <c>./</c> when it starts with <c>-</c> (never read as an option), and in
    /// bash's <c>$'…'</c> form with <c>\u</c> escapes when it holds a control or invisible format character (a newline, a
    /// bidirectional control), so the command shown is the command run.
    /// </summary>
    public static string FileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var word = name.StartsWith('-') ? "./" + name : name;
        if (!word.EnumerateRunes().Any(Hidden))
        {
            return Posix(word);
        }

        var escaped = new StringBuilder("$'");
        foreach (var r in word.EnumerateRunes())
        {
            escaped.Append(r.Value switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                _ when Hidden(r) => r.IsBmp ? $"\\u{r.Value:x4}" : $"\\U{r.Value:x8}", // tag characters are outside the BMP
                _ => r.ToString(),
            });
        }

        return escaped.Append('\'').ToString();
    }

    private static bool Hidden(Rune r) => Rune.IsControl(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format;
}
