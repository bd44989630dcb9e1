using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// What a single segment does that the allow list cannot see: programs that run other programs or
/// shell code (wrappers, interpreters' eval, shell keywords), and known flags that make ordinary tools run
/// programs or write files (<c>find -exec</c>, <c>rg --pre</c>, <c>sed e/w</c>, <c>awk system</c>,
/// <c>git -c</c>...), found in every spelling the program accepts (<see cref="RunOptions"/>: abbreviated long
/// options, bundled and attached short ones). Each hit is a reason the segment is never approved
/// automatically, and in full-auto a reason to ask when a shell deny rule exists.
/// </summary>
public static class ProgramChecks
{
    /// <summary>Programs and builtins that run their arguments as commands or change how later commands run.</summary>
    public static readonly FrozenSet<string> Runners = new[]
    {
        "eval", "source", ".", "exec", "env", "command", "builtin", "xargs", "sudo", "doas", "su", "nohup",
        "time", "nice", "ionice", "timeout", "stdbuf", "setsid", "chroot", "unshare", "nsenter", "script",
        "watch", "parallel", "flock", "strace", "ltrace", "busybox", "valgrind", "fakeroot", "fakechroot", "firejail", "proot",
        "torsocks", "proxychains", "proxychains4", "catchsegv", "chronic", "unbuffer", "taskset", "chrt", "prlimit", "setpriv",
        "runuser", "sg", "systemd-run", "pkexec", "numactl", "cgexec", "faketime", "setarch", "linux32", "linux64", "tini",
        "dumb-init", "xvfb-run", "dbus-run-session", "ssh-agent", "hyperfine", "entr", "perf", "bash", "sh", "zsh", "dash", "ksh",
        "mksh", "fish", "csh", "tcsh", "alias", "unalias", "function", "declare", "typeset", "export",
        "local", "readonly", "set", "shopt", "trap", "enable", "hash", "fc", "unset", "coproc", "let",
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "select",
        "in", "{", "}", "[[", "]]", "!", "((", "))",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Programs that run commands of their own or typed at them: editors, pagers, debuggers, terminal multiplexers.</summary>
    public static readonly FrozenSet<string> CommandRunning = new[]
    {
        "vi", "vim", "nvim", "view", "vimdiff", "ex", "ed", "emacs", "nano", "less", "more", "most", "pg", "man", "gdb",
        "lldb", "screen", "tmux", "ssh", "rlwrap",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] TarRunning =
    [
        "--to-command", "--checkpoint-action", "--use-compress-program", "--info-script", "--new-volume-script",
        "--rsh-command", "--rmt-command",
    ];

    private static readonly FrozenSet<string> FindActions = new[]
    {
        "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fprint0", "-fprintf", "-fls",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Why this segment is not safe to approve by its words alone, or null when nothing was found.</summary>
    public static string? Check(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return null;
        }

        var program = Path.GetFileName(words[0]);
        if (Runners.Contains(program))
        {
            return $"'{program}' runs other commands or shell code";
        }

        if (CommandRunning.Contains(program))
        {
            return $"'{program}' runs commands of its own (editor, pager or debugger)";
        }

        var args = words.Skip(1).ToList();
        return program switch
        {
            "find" => args.FirstOrDefault(FindActions.Contains) is { } a ? $"find {a} runs programs or writes files" : null,
            "rg" => Running(program, RunOptions.Find(args, "", ["--pre", "--hostname-bin"])),
            "fd" or "fdfind" => Running(program, RunOptions.Find(args, "xX", ["--exec", "--exec-batch"], "dDeEtcjSo")),
            "sort" => Running(program, RunOptions.Find(args, "", ["--compress-program"], "kStTo")),
            "sed" or "gsed" => SedCheck(args),
            "awk" or "gawk" or "mawk" or "nawk" => AwkCheck(program, args),
            "git" => GitChecks.Check(args),
            "tar" => TarCheck(args),
            "rsync" => Running(program, RunOptions.Find(args, "e", ["--rsh", "--rsync-path"])),
            "zip" => Running(program, RunOptions.Find(args, "T", ["--unzip-command", "--test"])),
            "sdiff" => Running(program, RunOptions.Find(args, "", ["--diff-program"])),
            _ => null,
        };
    }

    private static string? Running(string program, string? option) =>
        option is null ? null : $"{program} {option.Split('=')[0]} runs a program";

    private static string? TarCheck(List<string> args)
    {
        // Old style: "tar xf a.tar" has its options in a first word without a dash.
        var words = args.Count > 0 && !args[0].StartsWith('-') ? ["-" + args[0], .. args.Skip(1)] : args;
        var option = RunOptions.Find(words, "IF", TarRunning);
        if (option is not null)
        {
            return $"tar {option.Split('=')[0]} runs a program";
        }

        // -f HOST:FILE runs a remote shell unless --force-local.
        for (var k = 0; k < words.Count && !words.Contains("--force-local"); k++)
        {
            var w = words[k];
            var archive = RunOptions.Abbreviates(w, "--file") ? (w.Contains('=', StringComparison.Ordinal) ? w.Split('=', 2)[1] : words.ElementAtOrDefault(k + 1))
                : w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Contains('f', StringComparison.Ordinal)
                    ? (w.EndsWith('f') ? words.ElementAtOrDefault(k + 1) : w[(w.IndexOf('f', StringComparison.Ordinal) + 1)..]) : null;
            if (archive is not null && archive.Contains(':', StringComparison.Ordinal))
            {
                return "tar -f HOST:FILE runs a remote shell";
            }
        }

        return null;
    }

    private static string? SedCheck(List<string> args)
    {
        var parsed = OptionParser.Parse(SedOptions.All, SedOptions.Expanded(args));
        if (parsed.Unknown is not null)
        {
            return $"sed option '{parsed.Unknown}' is not one Sovereign can read";
        }

        if (parsed.Has("-f", "--file"))
        {
            return "sed -f runs a script Sovereign cannot see";
        }

        return SedOptions.Scripts(parsed).Any(SedScript.RunsOrWrites) ? "sed script uses e or w (runs a command or writes a file)" : null;
    }

    private static string? AwkCheck(string program, List<string> args)
    {
        var programs = new List<string>();
        var sawProgramOption = false;
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a.Length > 1 && a[0] == '-' && a[1] is 'f' or 'E' or 'i' or 'l' or 'W'
                || RunOptions.Abbreviates(a, "--file", "--exec", "--include", "--load"))
            {
                return $"{program} {a.Split('=')[0]} runs a program file or extension Sovereign cannot see";
            }

            if (a is "-e" || RunOptions.Abbreviates(a, "--source"))
            {
                sawProgramOption = true;
                programs.Add(a.Contains('=', StringComparison.Ordinal) ? a.Split('=', 2)[1] : k + 1 < args.Count ? args[++k] : "");
            }
            else if (a is "-v" or "-F")
            {
                k++;
            }
            else if (!a.StartsWith('-') && !sawProgramOption && programs.Count == 0)
            {
                programs.Add(a);
            }
        }

        return programs.Any(p => p.Contains("system", StringComparison.Ordinal) || p.Contains('|', StringComparison.Ordinal)
                || p.Contains('>', StringComparison.Ordinal) || p.Contains('@', StringComparison.Ordinal))
            ? $"{program} program may run commands (system, pipes) or write files" : null;
    }
}
