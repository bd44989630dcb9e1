using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// What a single segment does that the allow list cannot see: programs that run other programs or
/// shell code (wrappers, interpreters' eval, shell keywords), and known flags that make ordinary tools run
/// programs or write files (<c>find -exec</c>, <c>rg --pre</c>, <c>sed e/w</c>, <c>awk system</c>,
/// <c>git -c</c>...). Each hit is a reason the segment is never approved automatically.
/// </summary>
public static class ProgramChecks
{
    /// <summary>Programs and builtins that run their arguments as commands or change how later commands run.</summary>
    public static readonly FrozenSet<string> Runners = new[]
    {
        "eval", "source", ".", "exec", "env", "command", "builtin", "xargs", "sudo", "doas", "su", "nohup",
        "time", "nice", "ionice", "timeout", "stdbuf", "setsid", "chroot", "unshare", "nsenter", "script",
        "watch", "parallel", "flock", "strace", "ltrace", "busybox", "bash", "sh", "zsh", "dash", "ksh",
        "mksh", "fish", "csh", "tcsh", "alias", "unalias", "function", "declare", "typeset", "export",
        "local", "readonly", "set", "shopt", "trap", "enable", "hash", "fc", "unset", "coproc", "let",
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "select",
        "in", "{", "}", "[[", "]]", "!", "((", "))",
    }.ToFrozenSet(StringComparer.Ordinal);

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

        var args = words.Skip(1).ToList();
        return program switch
        {
            "find" => args.FirstOrDefault(FindActions.Contains) is { } a ? $"find {a} runs programs or writes files" : null,
            "rg" => args.Any(a => a == "--pre" || a.StartsWith("--pre=", StringComparison.Ordinal))
                ? "rg --pre runs a program on every file" : null,
            "fd" or "fdfind" => args.Any(a => a is "-x" or "-X" || a.StartsWith("--exec", StringComparison.Ordinal))
                ? $"{program} --exec runs programs" : null,
            "sed" or "gsed" => SedCheck(args),
            "awk" or "gawk" or "mawk" or "nawk" => AwkCheck(program, args),
            "git" => GitCheck(args),
            "tar" => args.Any(a => a is "-I" or "-F" || a.StartsWith("--to-command", StringComparison.Ordinal)
                    || a.StartsWith("--checkpoint-action", StringComparison.Ordinal)
                    || a.StartsWith("--use-compress-program", StringComparison.Ordinal)
                    || a.StartsWith("--info-script", StringComparison.Ordinal)
                    || a.StartsWith("--new-volume-script", StringComparison.Ordinal))
                ? "tar option that runs a program" : null,
            _ => null,
        };
    }

    private static string? SedCheck(List<string> args)
    {
        var scripts = new List<string>();
        var sawScriptOption = false;
        var operands = new List<string>();
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a == "--")
            {
                operands.AddRange(args.Skip(k + 1));
                break;
            }

            if (a.StartsWith("--expression", StringComparison.Ordinal))
            {
                sawScriptOption = true;
                scripts.Add(a.Contains('=', StringComparison.Ordinal) ? a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..] : k + 1 < args.Count ? args[++k] : "");
            }
            else if (a.StartsWith("--file", StringComparison.Ordinal))
            {
                return "sed -f runs a script Sovereign cannot see";
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            else if (a.Length > 1 && a[0] == '-')
            {
                for (var m = 1; m < a.Length; m++)
                {
                    if (a[m] == 'f')
                    {
                        return "sed -f runs a script Sovereign cannot see";
                    }

                    if (a[m] == 'e')
                    {
                        sawScriptOption = true;
                        scripts.Add(m + 1 < a.Length ? a[(m + 1)..] : k + 1 < args.Count ? args[++k] : "");
                        break;
                    }

                    if (a[m] is 'i' or 'l')
                    {
                        break;
                    }
                }
            }
            else
            {
                operands.Add(a);
            }
        }

        if (!sawScriptOption && operands.Count > 0)
        {
            scripts.Add(operands[0]);
        }

        return scripts.Any(SedScript.RunsOrWrites) ? "sed script uses e or w (runs a command or writes a file)" : null;
    }

    private static string? AwkCheck(string program, List<string> args)
    {
        var programs = new List<string>();
        var sawProgramOption = false;
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a is "-f" or "--file" or "-E" or "--exec" || a.StartsWith("--file=", StringComparison.Ordinal)
                || a.StartsWith("-f", StringComparison.Ordinal) && a.Length > 2)
            {
                return $"{program} -f runs a program file Sovereign cannot see";
            }

            if (a is "-e" or "--source")
            {
                sawProgramOption = true;
                programs.Add(k + 1 < args.Count ? args[++k] : "");
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

    private static string? GitCheck(List<string> args)
    {
        foreach (var a in args)
        {
            if (a.StartsWith("--config-env", StringComparison.Ordinal) || a.StartsWith("--exec-path", StringComparison.Ordinal)
                || a.StartsWith("--upload-pack", StringComparison.Ordinal) || a.StartsWith("--receive-pack", StringComparison.Ordinal)
                || a.StartsWith("--ext-diff", StringComparison.Ordinal))
            {
                return $"git {a.Split('=')[0]} can run programs";
            }
        }

        // Global options come before the subcommand.
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (!a.StartsWith('-'))
            {
                return null;
            }

            if (a.StartsWith("-c", StringComparison.Ordinal) || a is "-p" or "--paginate")
            {
                return $"git {a} can run programs (config or pager)";
            }

            if (a.StartsWith("--git-dir", StringComparison.Ordinal) || a.StartsWith("--work-tree", StringComparison.Ordinal))
            {
                return $"git {a.Split('=')[0]} points git at a repository whose config may run programs";
            }

            if (a is "-C" or "--namespace" or "--super-prefix")
            {
                k++;
            }
        }

        return null;
    }
}
