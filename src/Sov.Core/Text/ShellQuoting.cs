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
        if (!word.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return Posix(word);
        }

        var escaped = new StringBuilder("$'");
        foreach (var c in word)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                _ when char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.Append('\'').ToString();
    }
}
