namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Whether rules may approve a git command: only safe global options (no <c>-c</c>, <c>-C</c>, <c>-p</c>,
/// <c>--git-dir</c>...), a subcommand from <see cref="ReadOnlyGitTables"/> (never an alias: an unknown
/// subcommand is not approvable), and only that subcommand's read-only options. <c>git branch</c> and
/// <c>git tag</c> take names only when listing; <c>git remote</c> only lists or shows a URL.
/// </summary>
internal static class ReadOnlyGit
{
    public static string? WhyNot(List<string> args)
    {
        var k = 0;
        for (; k < args.Count && args[k].StartsWith('-'); k++)
        {
            if (!ReadOnlyGitTables.SafeGlobals.Contains(args[k]))
            {
                return ReadOnlyPrograms.NotReadOnly("git", args[k]);
            }
        }

        if (k == args.Count)
        {
            return null;
        }

        var subcommand = args[k];
        var rest = args.Skip(k + 1).ToList();
        if (subcommand == "remote" && rest.Count > 0 && rest[0] == "get-url")
        {
            return RemoteGetUrl(rest.Skip(1).ToList());
        }

        if (!ReadOnlyGitTables.Subcommands.TryGetValue(subcommand, out var table))
        {
            return $"git {subcommand} is not a subcommand Sovereign knows to be read-only";
        }

        var parsed = OptionParser.Parse(table, rest);
        if (parsed.Unknown is not null)
        {
            return ReadOnlyPrograms.NotReadOnly($"git {subcommand}", parsed.Unknown);
        }

        return subcommand switch
        {
            "branch" or "tag" when parsed.Operands.Count > 0 && !parsed.Has("-l", "--list") =>
                $"git {subcommand} with a name creates one (only --list is read-only)",
            "remote" when parsed.Operands.Count > 0 => "git remote is approvable by rules only for listing (-v) and get-url",
            _ => null,
        };
    }

    private static string? RemoteGetUrl(List<string> args)
    {
        var parsed = OptionParser.Parse(OptionTable.Of("", "", "--push --all"), args);
        return parsed.Unknown is null ? null : ReadOnlyPrograms.NotReadOnly("git remote get-url", parsed.Unknown);
    }
}
