using System.Text.RegularExpressions;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Language interpreters (issue #11): never approved by allow rules, and their inline code is handed to
/// <see cref="InlineCode"/> so deny rules see the commands inside it. A script file is run as any other program.
/// </summary>
public static partial class Interpreters
{
    public static bool Is(string program) => LanguageOf(program) is not null;

    public static CodeLanguage? LanguageOf(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program switch
        {
            _ when Python().IsMatch(program) => CodeLanguage.Python,
            _ when Versioned("perl").IsMatch(program) => CodeLanguage.Perl,
            _ when Versioned("ruby").IsMatch(program) => CodeLanguage.Ruby,
            "node" or "nodejs" or "bun" or "deno" or "tsx" or "ts-node" or "qjs" => CodeLanguage.JavaScript,
            _ when Versioned("php").IsMatch(program) => CodeLanguage.Php,
            _ when Lua().IsMatch(program) => CodeLanguage.Lua,
            "Rscript" or "R" => CodeLanguage.R,
            "awk" or "gawk" or "mawk" or "nawk" or "busybox-awk" => CodeLanguage.Awk,
            "tclsh" or "wish" or "expect" or "pwsh" or "powershell" or "osascript" or "guile" or "racket" or "sbcl" or "clisp"
                or "julia" or "ghci" or "runghc" or "runhaskell" or "irb" or "jshell" or "groovy" or "scala" or "kotlin" or "swift"
                or "elixir" or "iex" or "erl" or "escript" or "raku" or "perl6" or "gjs" or "jrunscript" or "dotnet-script"
                or "csi" or "gforth" or "ocaml" or "gnuplot" or "octave" or "dc" or "m4" or "sqlite3" or "psql" or "mysql"
                or "duckdb" or "original-awk" => CodeLanguage.Other,
            _ when Versioned("tclsh").IsMatch(program) => CodeLanguage.Other,
            _ => null,
        };
    }

    /// <summary>Reads an interpreter's arguments; null when <paramref name="program"/> is not an interpreter.</summary>
    public static InterpreterCall? Read(string program, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return LanguageOf(program) switch
        {
            CodeLanguage.Python => Short(CodeLanguage.Python, args, code: "c", valued: "mWXQ", script: "m"),
            CodeLanguage.Perl => Short(CodeLanguage.Perl, args, code: "eE", valued: "I", attached: "ilx0CdDV", module: "Mm"),
            CodeLanguage.Ruby => Short(CodeLanguage.Ruby, args, code: "e", valued: "IrCEF", attached: "KTWx0i"),
            CodeLanguage.Php => Short(CodeLanguage.Php, args, code: "rBRE", valued: "fcdzt", script: "f"),
            CodeLanguage.Lua => Short(CodeLanguage.Lua, args, code: "e", valued: "l"),
            CodeLanguage.R => Short(CodeLanguage.R, args, code: "e", valued: "f", script: "f"),
            CodeLanguage.JavaScript => JavaScript(program, args),
            CodeLanguage.Awk => Awk(args),
            CodeLanguage.Other => new InterpreterCall(CodeLanguage.Other, [], FromStdin: args.Count == 0, Unreadable: true),
            _ => null,
        };
    }

    /// <summary>
    /// Short options as most interpreters read them: bundled letters, a code letter's argument attached or the
    /// next word. Every word is read, not only those before the script, so a misjudged option value cannot hide
    /// a later <c>-e</c>; a word that is no option is the script (or the code's arguments).
    /// </summary>
    private static InterpreterCall Short(CodeLanguage language, IReadOnlyList<string> args, string code, string valued, string attached = "", string module = "", string script = "")
    {
        var pieces = new List<string>();
        var runsFile = false;
        var stdin = false;
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a == "-")
            {
                stdin |= pieces.Count == 0 && !runsFile;
                continue;
            }

            if (a.StartsWith("--", StringComparison.Ordinal) || !a.StartsWith('-'))
            {
                runsFile |= !a.StartsWith('-') || a.StartsWith("--file", StringComparison.Ordinal);
                continue;
            }

            for (var m = 1; m < a.Length; m++)
            {
                var letter = a[m];
                var takesNext = code.Contains(letter, StringComparison.Ordinal) || module.Contains(letter, StringComparison.Ordinal)
                    || valued.Contains(letter, StringComparison.Ordinal);
                if (!takesNext && !attached.Contains(letter, StringComparison.Ordinal))
                {
                    continue;
                }

                runsFile |= script.Contains(letter, StringComparison.Ordinal);
                var value = m + 1 < a.Length ? a[(m + 1)..] : takesNext && k + 1 < args.Count ? args[++k] : "";
                if (code.Contains(letter, StringComparison.Ordinal))
                {
                    pieces.Add(value);
                }
                else if (module.Contains(letter, StringComparison.Ordinal))
                {
                    // perl -MMod=args becomes "use Mod (args);": text placed into the code.
                    pieces.Add("use " + value + ";");
                }

                break;
            }
        }

        return new InterpreterCall(language, pieces, FromStdin: stdin || (pieces.Count == 0 && !runsFile), Unreadable: false);
    }

    private static InterpreterCall JavaScript(string program, IReadOnlyList<string> args)
    {
        var pieces = new List<string>();
        if (program == "deno" && args.Count > 0 && args[0] == "eval")
        {
            pieces.AddRange(args.Skip(1).Where(a => !a.StartsWith('-')).Take(1));
            return new InterpreterCall(CodeLanguage.JavaScript, pieces, FromStdin: false, Unreadable: false);
        }

        var script = false;
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a is "-e" or "-p" or "-pe" or "--eval" or "--print")
            {
                pieces.Add(k + 1 < args.Count ? args[++k] : "");
            }
            else if (a.StartsWith("--eval=", StringComparison.Ordinal) || a.StartsWith("--print=", StringComparison.Ordinal))
            {
                pieces.Add(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }
            else
            {
                script |= !a.StartsWith('-');
            }
        }

        return new InterpreterCall(CodeLanguage.JavaScript, pieces, FromStdin: pieces.Count == 0 && !script, Unreadable: false);
    }

    private static InterpreterCall Awk(IReadOnlyList<string> args)
    {
        var pieces = new List<string>();
        var sawProgramOption = false;
        for (var k = 0; k < args.Count; k++)
        {
            var a = args[k];
            if (a is "-e" or "--source" || a.StartsWith("--source=", StringComparison.Ordinal))
            {
                sawProgramOption = true;
                pieces.Add(a.Contains('=', StringComparison.Ordinal) ? a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..] : k + 1 < args.Count ? args[++k] : "");
            }
            else if (a is "-v" or "-F" or "-f")
            {
                k++;
            }
            else if (!a.StartsWith('-') && !sawProgramOption && pieces.Count == 0)
            {
                pieces.Add(a);
            }
        }

        return new InterpreterCall(CodeLanguage.Awk, pieces, FromStdin: false, Unreadable: false);
    }

    [GeneratedRegex(@"^(python|pypy|ipython|jython)[0-9.]*(-?dbg)?$")]
    private static partial Regex Python();

    [GeneratedRegex(@"^(lua|luajit)[0-9.]*$")]
    private static partial Regex Lua();

    private static Regex Versioned(string name) => new($"^{name}[0-9.]*$", RegexOptions.CultureInvariant);
}
