namespace Sov.Core.Permissions.Shell;

/// <summary>
/// GNU sed's options: the read-only ones (no <c>-i</c>, no <c>-f</c>), all of them, and the scripts a parse
/// carries (the <c>-e</c> values, else the first operand). Long options are read with abbreviations expanded,
/// as sed reads them, so <c>--expr=1e id</c> is the script <c>1e id</c>.
/// </summary>
public static class SedOptions
{
    public static readonly OptionTable ReadOnly = OptionTable.Of(
        "nErsuz", "el", "--quiet --silent --regexp-extended --separate --unbuffered --null-data --zero-terminated --posix --debug --sandbox",
        "--expression --line-length");

    public static readonly OptionTable All = ReadOnly.With(OptionTable.Of("b", "f", "--binary --follow-symlinks", "--file", "-i --in-place"));

    private static readonly string[] Longs = [.. All.Longs.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every argument with an abbreviated long option written in full (the first name it could mean).</summary>
    public static List<string> Expanded(IEnumerable<string> args) => args.Select(Expand).ToList();

    public static List<string> Scripts(ParsedOptions parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var scripts = parsed.ValuesOf("-e", "--expression").ToList();
        if (scripts.Count == 0)
        {
            scripts.AddRange(parsed.Operands.Take(1));
        }

        return scripts;
    }

    private static string Expand(string word)
    {
        if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length < 3)
        {
            return word;
        }

        var parts = word.Split('=', 2);
        var full = Longs.FirstOrDefault(l => l == parts[0]) ?? Longs.FirstOrDefault(l => l.StartsWith(parts[0], StringComparison.Ordinal));
        return full is null ? word : parts.Length == 2 ? $"{full}={parts[1]}" : full;
    }
}
