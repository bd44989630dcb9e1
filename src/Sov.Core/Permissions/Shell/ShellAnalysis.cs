namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Everything the permission policy needs to know about one command line: the segments (including nested
/// and <c>bash -c</c> ones), the unmodelled constructs, the per-segment reasons from
/// <see cref="ProgramChecks"/> and <see cref="InterpreterAnalysis"/>, what keeps rules from approving it
/// (<see cref="ReadOnlyPrograms"/>), and for each segment the texts deny rules are matched against
/// (including the strings of interpreters' inline code).
/// </summary>
public sealed class ShellAnalysis
{
    private ShellAnalysis(ShellParse parse, IReadOnlyList<string> reasons, IReadOnlyList<string> notApprovable, IReadOnlyList<(ShellSegment Segment, IReadOnlyList<string> DenyTexts)> segments)
    {
        Parse = parse;
        Reasons = reasons;
        NotApprovable = notApprovable;
        Segments = segments;
    }

    public ShellParse Parse { get; }

    /// <summary>
    /// Everything in the command that may hide what it runs from deny rules (unmodelled syntax, runners,
    /// program-running options, opaque inline code): each is also a reason allow rules cannot approve it.
    /// </summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>
    /// Why allow rules may not approve the command although nothing in it hides from deny rules: options not
    /// known to be read-only, interpreters, editors (<see cref="ReadOnlyPrograms"/>). Empty when rules may.
    /// </summary>
    public IReadOnlyList<string> NotApprovable { get; }

    public IReadOnlyList<(ShellSegment Segment, IReadOnlyList<string> DenyTexts)> Segments { get; }

    public bool Incomplete => Parse.Incomplete;

    public static ShellAnalysis Of(string command)
    {
        var parse = ShellTokenizer.Parse(command);
        var reasons = parse.Unmodelled.Select(u => "uses " + u).ToList();
        var incomplete = parse.Incomplete;
        var notApprovable = new List<string>();
        var segments = new List<(ShellSegment, IReadOnlyList<string>)>();
        var queue = new Queue<(ShellSegment Segment, int Depth)>(parse.Segments.Select(s => (s, 0)));
        var anyUnmodelled = parse.Unmodelled.Count > 0;
        while (queue.Count > 0)
        {
            var (segment, depth) = queue.Dequeue();
            var reason = ProgramChecks.Check(segment.Words);
            var (codeTexts, codeReason) = InterpreterAnalysis.Of(segment.Words);
            AddOnce(reasons, reason);
            AddOnce(reasons, codeReason);
            AddOnce(notApprovable, ReadOnlyPrograms.WhyNot(segment.Words));
            var allSuffixes = anyUnmodelled || reason is not null || codeReason is not null;
            segments.Add((segment, [.. DenyTexts(segment.Words, allSuffixes), .. codeTexts]));

            // Shells given a command string, and eval: analyse the string as a command too.
            foreach (var inner in InnerCommands(segment.Words))
            {
                if (depth + 1 > ShellTokenizer.MaxNesting)
                {
                    incomplete = true;
                    break;
                }

                var nested = ShellTokenizer.ParseNested(inner, depth + 1);
                incomplete |= nested.Incomplete;
                foreach (var u in nested.Unmodelled.Select(u => "uses " + u).Where(u => !reasons.Contains(u)))
                {
                    reasons.Add(u);
                }

                foreach (var s in nested.Segments)
                {
                    queue.Enqueue((s, depth + 1));
                }
            }
        }

        return new ShellAnalysis(parse with { Incomplete = incomplete }, reasons, notApprovable, segments);
    }

    private static void AddOnce(List<string> list, string? item)
    {
        if (item is not null && !list.Contains(item))
        {
            list.Add(item);
        }
    }

    private static IEnumerable<string> InnerCommands(IReadOnlyList<string> words)
    {
        var program = Path.GetFileName(words[0]);
        if (program is "eval")
        {
            yield return string.Join(' ', words.Skip(1));
        }

        if (!ProgramChecks.Runners.Contains(program))
        {
            yield break;
        }

        for (var k = 1; k < words.Count - 1; k++)
        {
            if (words[k].StartsWith('-') && !words[k].StartsWith("--", StringComparison.Ordinal) && words[k].Contains('c', StringComparison.Ordinal))
            {
                yield return words[k + 1];
            }
        }
    }

    private static List<string> DenyTexts(IReadOnlyList<string> words, bool allSuffixes)
    {
        var texts = new List<string>();
        for (var start = 0; start < words.Count; start++)
        {
            // A plain segment is matched as a whole; with wrappers, prefixes or unmodelled syntax every
            // suffix is matched too, so `env X=1 nohup rm -rf x` still meets `shell:rm*`.
            if (start > 0 && !allSuffixes)
            {
                break;
            }

            var rest = words.Skip(start).ToList();
            texts.Add(string.Join(' ', rest));
            var program = Path.GetFileName(rest[0]);
            if (program != rest[0] && program.Length > 0)
            {
                rest[0] = program;
                texts.Add(string.Join(' ', rest));
            }
        }

        return texts;
    }
}
