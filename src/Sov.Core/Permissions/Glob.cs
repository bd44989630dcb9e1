using Sov.Core.Tools.Search;

namespace Sov.Core.Permissions;

/// <summary>
/// Rule patterns matched by the one glob engine (<see cref="GlobPattern"/>). Path globs (<c>read:</c>, <c>write:</c>)
/// have the glob tool's syntax: <c>*</c> and <c>?</c> stay within one path component, <c>**</c> crosses components,
/// <c>**/</c> also matches no folder at all, <c>[abc]</c> classes and <c>{a,b}</c> alternatives. Text globs
/// (<c>shell:</c>, <c>mcp:</c>): <c>*</c> matches any text.
/// </summary>
public static class Glob
{
    public static bool MatchPath(string pattern, string path) => new GlobPattern(pattern, GlobSyntax.Path).IsMatch(path);

    public static bool MatchText(string pattern, string text) => new GlobPattern(pattern, GlobSyntax.Text).IsMatch(text);
}
