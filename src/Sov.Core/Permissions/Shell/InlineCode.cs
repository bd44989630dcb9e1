using System.Text.RegularExpressions;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Reads an interpreter's inline code (<c>python3 -c</c>, <c>perl -e</c>, <c>node -e</c>, awk programs...)
/// for deny rules (issue #11). Every string literal, and every run of adjacent literals joined (so
/// <c>["rm", "-rf", "v1"]</c> and <c>"rm -r" + "f v1"</c> are seen as <c>rm -rf v1</c>), is a text deny rules
/// are matched against. The code is opaque (deny rules cannot be ruled out) when it uses a power word
/// (running programs, deleting or renaming files, building code or names at run time) in any way other than
/// a call of a program-running function whose arguments are all plain literals, or mentions one inside a string.
/// </summary>
public static partial class InlineCode
{
    private const int MaxLiterals = 200;
    private const int MaxRun = 8;

    private static readonly string[] RunningParts =
    [
        "exec", "spawn", "popen", "system", "shell", "passthru", "proc_open", "getoutput", "check_call", "check_output",
        "capture2", "capture3", "pipeline", "syscall", "fork", "execute", "command",
    ];

    private static readonly string[] RunningWords = ["call", "run", "qx", "require"];

    /// <summary>
    /// Names that evaluate code, look names up at run time or decode text: a command built with them can reach
    /// a program-running function without showing up as its plain argument.
    /// </summary>
    private static readonly string[] DynamicParts =
    [
        "eval", "compile", "__import__", "importlib", "import_module", "getattr", "setattr", "globals", "locals", "builtins",
        "__dict__", "__class__", "subclasses", "decode", "base64", "b64", "hex", "fromcharcode", "atob", "marshal", "pickle",
        "codecs", "rot13", "reverse", "translate", "sprintf", "pack", "instance_", "class_eval", "module_eval", "const_get",
        "send", "call_user_func", "create_function", "assert", "dlopen", "ctypes", "cffi", "ffi", "chr", "fromhex", "buffer",
        "reflect", "invoke", "apply", "global", "strrev", "vars", "runin", "timeit", "runsource", "runcode", "interact",
        "exec_module", "run_path", "run_module", "functiontype", "codetype", "dill", "breakpoint", "pdb",
    ];

    private static readonly string[] DestroyParts =
    [
        "remove", "unlink", "rmdir", "rmtree", "rm_r", "rm_f", "rmsync", "truncate", "rename", "delete", "chmod", "chown",
        "symlink", "move",
    ];

    /// <summary>
    /// The texts deny rules should see in <paramref name="code"/>, why it is opaque (null when it is not), and
    /// whether it runs programs (then its strings are commands, and what a command hides counts too).
    /// </summary>
    public static (IReadOnlyList<string> Texts, string? Opaque, bool Runs) Inspect(string code, CodeLanguage language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var literals = CodeLiterals.Of(code, language);
        if (literals.Count > MaxLiterals)
        {
            return ([], "has too many strings to read", true);
        }

        var blanked = CodeLiterals.Blanked(code, literals);
        var runs = literals.Any(l => l.Command) || language == CodeLanguage.Awk
            || Identifier().Matches(blanked).Any(m => Classify(m.Value, language) == "runs");
        return (Texts(literals, blanked), Opaque(code, blanked, literals, language), runs);
    }

    private static List<string> Texts(List<CodeLiteral> literals, string blanked)
    {
        var texts = literals.Select(l => l.Text).ToList();
        for (var first = 0; first < literals.Count; first++)
        {
            for (var last = first + 1; last < literals.Count && last - first < MaxRun; last++)
            {
                var between = blanked[(literals[last - 1].End + 1)..(literals[last].Start - 1)];
                if (!Separator().IsMatch(between))
                {
                    break;
                }

                var run = literals.Skip(first).Take(last - first + 1).Select(l => l.Text).ToList();
                texts.Add(string.Concat(run));
                texts.Add(string.Join(' ', run));
            }
        }

        return texts.Where(t => t.Trim().Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Opaque(string code, string blanked, List<CodeLiteral> literals, CodeLanguage language)
    {
        if (literals.Any(l => l.Command && l.Interpolated))
        {
            return "runs a backtick command built at run time";
        }

        var anyInterpolated = literals.Any(l => l.Interpolated);
        if (DynamicCall().IsMatch(blanked) && language is CodeLanguage.Php or CodeLanguage.Perl or CodeLanguage.Ruby)
        {
            return "calls a function or command whose name is built at run time";
        }

        if (language == CodeLanguage.JavaScript && anyInterpolated)
        {
            return "builds strings at run time (template literals)";
        }

        foreach (Match m in Identifier().Matches(code))
        {
            var word = m.Value;
            var kind = Classify(word, language);
            if (kind is null || NamesAnArgument(code, m.Index + m.Length))
            {
                continue;
            }

            if (literals.Any(l => m.Index >= l.Start && m.Index < l.End))
            {
                return $"mentions '{word}' inside a string";
            }

            if (kind != "runs")
            {
                return $"uses '{word}' ({kind})";
            }

            if (anyInterpolated)
            {
                return $"calls '{word}' with strings built at run time";
            }

            if (!PlainLiteralArguments(blanked, m.Index + m.Length))
            {
                return $"calls '{word}' with arguments that are not plain strings";
            }
        }

        return null;
    }

    private static string? Classify(string word, CodeLanguage language)
    {
        var lower = word.ToLowerInvariant();
        if (language == CodeLanguage.Python && lower == "exec")
        {
            return "runs code built at run time";
        }

        if ((lower == "open" && language is CodeLanguage.Perl or CodeLanguage.Ruby) || (lower == "import" && language == CodeLanguage.JavaScript))
        {
            return "runs";
        }

        if (lower is "load" or "loadstring" or "dofile" && language == CodeLanguage.Lua || lower == "ord")
        {
            return "builds code or names at run time";
        }

        if (DestroyParts.Any(p => lower.Contains(p, StringComparison.Ordinal)) || lower == "rm")
        {
            return "changes files";
        }

        if (DynamicParts.Any(p => lower.Contains(p, StringComparison.Ordinal)) || word == "Function")
        {
            return "builds code or names at run time";
        }

        return RunningParts.Any(p => lower.Contains(p, StringComparison.Ordinal)) || RunningWords.Contains(lower) ? "runs" : null;
    }

    /// <summary>True when the word just before <paramref name="at"/> is a keyword argument's or assignment's name (<c>shell=True</c>).</summary>
    private static bool NamesAnArgument(string code, int at)
    {
        var i = at;
        while (i < code.Length && code[i] is ' ' or '\t')
        {
            i++;
        }

        return i < code.Length && code[i] == '=' && (i + 1 >= code.Length || code[i + 1] != '=');
    }

    /// <summary>True when what follows a program-running name is a call whose arguments are only literals and separators.</summary>
    private static bool PlainLiteralArguments(string blanked, int at)
    {
        var i = at;
        while (i < blanked.Length && blanked[i] is ' ' or '\t')
        {
            i++;
        }

        string region;
        if (i < blanked.Length && blanked[i] == '(')
        {
            var level = 0;
            var j = i;
            for (; j < blanked.Length; j++)
            {
                level += blanked[j] == '(' ? 1 : blanked[j] == ')' ? -1 : 0;
                if (level == 0)
                {
                    break;
                }
            }

            region = blanked[(i + 1)..Math.Min(j, blanked.Length)];
        }
        else if (i < blanked.Length && blanked[i] is '"' or '\'' or '`')
        {
            var end = blanked.IndexOfAny([';', '\n', '}'], i);
            region = blanked[i..(end < 0 ? blanked.Length : end)];
        }
        else
        {
            return false;
        }

        var rest = Keyword().Replace(Quoted().Replace(region, ""), "");
        return !rest.Any(c => char.IsLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '%' || c == '*');
    }

    /// <summary>PHP's <c>$f(...)</c>, Perl's <c>&$f</c>, <c>&{...}</c>, <c>$f->(...)</c>, <c>$obj->$m</c>, Ruby's <c>%x(...)</c>.</summary>
    [GeneratedRegex(@"\$\w+\s*\(|&\s*[\${]|->\s*[\$(]|%x")]
    private static partial Regex DynamicCall();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[\s+.,\[\]()]*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"""\s*""|'\s*'|`\s*`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\s*[=:]\s*(True|False|None|true|false|nil|\d+)\b")]
    private static partial Regex Keyword();
}
