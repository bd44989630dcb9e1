namespace Sov.Core.Permissions.Shell;

/// <summary>
/// One simple command of a shell line: its words after quote removal, as bash would pass them as argv
/// (when nothing unmodelled was involved). <see cref="Nested"/> marks a command found inside
/// <c>$(...)</c>, backticks, process substitution or a <c>bash -c</c> string.
/// </summary>
public sealed record ShellSegment(IReadOnlyList<string> Words, bool Nested)
{
    /// <summary>The words joined by single spaces: what shell rules are matched against.</summary>
    public string Text => string.Join(' ', Words);
}
