namespace Sov.Core.Permissions.Shell;

/// <summary>
/// A command line split into segments, plus every construct the tokenizer saw but does not model
/// (expansions, redirections, subshells, newlines...). A command with any unmodelled construct is never
/// approved automatically. <see cref="Incomplete"/> says some text could not be analysed at all
/// (unterminated quotes, nesting too deep), so a deny rule cannot be proven not to apply.
/// </summary>
public sealed record ShellParse(IReadOnlyList<ShellSegment> Segments, IReadOnlyList<string> Unmodelled, bool Incomplete)
{
    public bool FullyModelled => Unmodelled.Count == 0 && !Incomplete;
}
