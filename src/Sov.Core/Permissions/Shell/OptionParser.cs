namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Reads arguments the way getopt_long does, strictly against an <see cref="OptionTable"/>: <c>--opt=value</c>,
/// <c>--opt value</c> for options that take one, bundled short options (<c>-nr</c>), attached short
/// arguments (<c>-ofile</c>), <c>--</c> ending the options, and options after operands (GNU permutation).
/// Long names must be spelled in full: an abbreviation is reported as unknown, whatever it would expand to.
/// An argument taken from the next word that looks like an option must be a known option too.
/// </summary>
public static class OptionParser
{
    public static ParsedOptions Parse(OptionTable table, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(args);
        var options = new List<(string, string?)>();
        var operands = new List<string>();
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a == "--")
            {
                operands.AddRange(args.Skip(k + 1));
                break;
            }

            if (a.Length < 2 || a[0] != '-')
            {
                operands.Add(a);
                continue;
            }

            var unknown = a.StartsWith("--", StringComparison.Ordinal)
                ? Long(table, args, ref k, options)
                : Short(table, args, ref k, options);
            if (unknown is not null)
            {
                return new ParsedOptions(options, operands, unknown);
            }
        }

        return new ParsedOptions(options, operands, null);
    }

    private static string? Long(OptionTable table, IReadOnlyList<string> args, ref int k, List<(string, string?)> options)
    {
        var a = args[k];
        var eq = a.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? a : a[..eq];
        if (!table.Longs.TryGetValue(name, out var arity) || (eq >= 0 && arity == Arity.None))
        {
            return a;
        }

        string? value = eq >= 0 ? a[(eq + 1)..] : null;
        if (value is null && arity == Arity.Required)
        {
            value = NextValue(table, args, ref k);
            if (value is null)
            {
                return args[k];
            }
        }

        options.Add((name, value));
        return null;
    }

    private static string? Short(OptionTable table, IReadOnlyList<string> args, ref int k, List<(string, string?)> options)
    {
        var a = args[k];
        if (table.NumericShort && a[1..].All(char.IsAsciiDigit))
        {
            options.Add(("-NUM", a[1..]));
            return null;
        }

        for (var m = 1; m < a.Length; m++)
        {
            if (!table.Shorts.TryGetValue(a[m], out var arity))
            {
                return a;
            }

            var name = "-" + a[m];
            if (arity == Arity.None)
            {
                options.Add((name, null));
                continue;
            }

            var rest = a[(m + 1)..];
            var value = rest.Length > 0 || arity == Arity.Optional ? rest : NextValue(table, args, ref k);
            if (value is null)
            {
                return args[k];
            }

            options.Add((name, value));
            return null;
        }

        return null;
    }

    /// <summary>
    /// The next word as an option's argument. A word that looks like an option must itself be a known one:
    /// some programs accept only <c>--opt=value</c> and would read it as an option (null then: refused).
    /// </summary>
    private static string? NextValue(OptionTable table, IReadOnlyList<string> args, ref int k)
    {
        if (k + 1 >= args.Count)
        {
            return "";
        }

        var next = args[++k];
        return next.Length > 1 && next[0] == '-' && next != "--" && Parse(table, [next]).Unknown is not null ? null : next;
    }
}
