namespace Sov.Core.Permissions.Shell;

/// <summary>
/// The git options and subcommands that run programs or point git at configuration that may (issue #11),
/// read as git reads them: global options before the subcommand, abbreviations of long options after it.
/// </summary>
internal static class GitChecks
{
    private static readonly string[] RunningLongs =
    [
        "--upload-pack", "--receive-pack", "--exec", "--ext-diff", "--open-files-in-pager", "--extcmd", "--tool",
        "--template", "--config", "--config-env", "--exec-path",
    ];

    private static readonly Dictionary<string, string> RunningShorts = new(StringComparer.Ordinal)
    {
        ["grep"] = "O",
        ["rebase"] = "x",
        ["clone"] = "cu",
    };

    /// <summary>Subcommands that run tools, scripts or servers whatever their options.</summary>
    private static readonly HashSet<string> RunningSubcommands = new(StringComparer.Ordinal)
    {
        "difftool", "mergetool", "filter-branch", "send-email", "instaweb", "web--browse", "daemon", "credential",
        "upload-pack", "receive-pack", "shell", "sh-setup", "submodule", "bisect", "run-command", "hook", "jump",
    };

    public static string? Check(List<string> args)
    {
        var k = 0;
        for (; k < args.Count && args[k].StartsWith('-'); k++)
        {
            var a = args[k];
            if (a.StartsWith("-c", StringComparison.Ordinal) || a is "-p" || RunOptions.Abbreviates(a, "--paginate"))
            {
                return $"git {a} can run programs (config or pager)";
            }

            if (RunOptions.Abbreviates(a, "--config-env", "--exec-path"))
            {
                return $"git {a.Split('=')[0]} can run programs";
            }

            if (RunOptions.Abbreviates(a, "--git-dir", "--work-tree"))
            {
                return $"git {a.Split('=')[0]} points git at a repository whose config may run programs";
            }

            if (a is "-C" or "--namespace" or "--super-prefix" or "--list-cmds" or "--attr-source")
            {
                k++;
            }
        }

        if (k >= args.Count)
        {
            return null;
        }

        var subcommand = args[k];
        var rest = args.Skip(k + 1).ToList();
        if (RunningSubcommands.Contains(subcommand))
        {
            return $"git {subcommand} runs tools or commands";
        }

        var shorts = RunningShorts.GetValueOrDefault(subcommand, "");
        return RunOptions.Find(rest, shorts, RunningLongs) is { } option
            ? $"git {subcommand} {option.Split('=')[0]} runs a program or reads one from outside the repository's config"
            : null;
    }
}
