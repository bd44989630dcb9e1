namespace Sov.Core.Permissions.Shell;

/// <summary>
/// What an interpreter segment means for deny rules (issue #11): the commands its inline code could run,
/// as texts to match, and why the code cannot be read far enough to rule a deny rule out (null when it can).
/// </summary>
internal static class InterpreterAnalysis
{
    public static (IReadOnlyList<string> DenyTexts, string? Reason) Of(IReadOnlyList<string> words)
    {
        var program = Path.GetFileName(words[0]);
        var call = Interpreters.Read(program, words.Skip(1).ToList());
        if (call is null)
        {
            return ([], null);
        }

        if (call.FromStdin || call.Unreadable)
        {
            return ([], $"'{program}' runs a program Sovereign cannot read (from standard input or unknown options)");
        }

        var texts = new List<string>();
        string? reason = null;
        foreach (var code in call.Code)
        {
            var (literals, opaque, runs) = InlineCode.Inspect(code, call.Language);
            reason ??= opaque is null ? null : $"'{program}' inline code {opaque}";
            foreach (var literal in literals)
            {
                texts.Add(literal);
                var nested = ShellAnalysis.Of(literal);
                texts.AddRange(nested.Segments.SelectMany(s => s.DenyTexts));
                if (runs && reason is null && (nested.Reasons.Count > 0 || nested.Incomplete))
                {
                    reason = $"'{program}' inline code runs a command that {nested.Reasons.FirstOrDefault() ?? "cannot be read"}";
                }
            }
        }

        return (texts.Distinct(StringComparer.Ordinal).ToList(), reason);
    }
}
