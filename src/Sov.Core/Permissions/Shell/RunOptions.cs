namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Finds program-running options the way the program would read them (issue #11): a long option counts when
/// the word names it in full or abbreviates it (<c>--to-com=sh</c> is tar's <c>--to-command</c>), with or
/// without <c>=value</c>; a short one when its letter appears in a bundle before any letter that takes the
/// rest of the word as its argument (<c>-nOcmd</c> is <c>-n -O cmd</c>). Option values are read as options too:
/// that can only find more. Options end at <c>--</c>.
/// </summary>
public static class RunOptions
{
    /// <summary>The first word in <paramref name="args"/> that is or abbreviates a running option, or null.</summary>
    public static string? Find(IEnumerable<string> args, string runShorts, IReadOnlyList<string> runLongs, string valueShorts = "")
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(runLongs);
        foreach (var a in args)
        {
            if (a == "--")
            {
                return null;
            }

            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a.Split('=', 2)[0];
                if (name.Length > 2 && runLongs.Any(l => l.StartsWith(name, StringComparison.Ordinal)))
                {
                    return a;
                }
            }
            else if (a.Length > 1 && a[0] == '-')
            {
                foreach (var letter in a.AsSpan(1))
                {
                    if (runShorts.Contains(letter, StringComparison.Ordinal))
                    {
                        return a;
                    }

                    if (valueShorts.Contains(letter, StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="word"/> is a long option naming or abbreviating one of <paramref name="longs"/>.</summary>
    public static bool Abbreviates(string word, params string[] longs)
    {
        ArgumentNullException.ThrowIfNull(word);
        var name = word.Split('=', 2)[0];
        return name.Length > 2 && name.StartsWith("--", StringComparison.Ordinal) && longs.Any(l => l.StartsWith(name, StringComparison.Ordinal));
    }
}
