using System.Text.RegularExpressions;

namespace Sov.Core.Config;

/// <summary>Turns a Tomlyn parse error into one line a person can act on: the innermost reason, with
/// its position as line and column, and never the library's internal type names.</summary>
public static partial class TomlError
{
    public static string Describe(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Split('\n')[0].Trim();
        var reason = text.LastIndexOf("Reason: ", StringComparison.Ordinal);
        if (reason >= 0)
        {
            text = text[(reason + "Reason: ".Length)..];
        }

        var match = Located().Match(text);
        return match.Success ? $"line {match.Groups[1].Value}, column {match.Groups[2].Value}: {match.Groups[3].Value}" : text;
    }

    [GeneratedRegex(@"^\((\d+),(\d+)\)\s*:\s*error\s*:\s*(.*)$")]
    private static partial Regex Located();
}
