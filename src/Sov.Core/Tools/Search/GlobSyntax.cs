namespace Sov.Core.Tools.Search;

/// <summary>
/// Which glob features a <see cref="GlobPattern"/> reads. <see cref="Path"/> is the syntax of the glob tool, grep's
/// filter and <c>read:</c>/<c>write:</c> rules; <see cref="GitIgnore"/> that of ignore files (no braces, backslash
/// escapes); <see cref="Text"/> that of <c>shell:</c> and <c>mcp:</c> rules (<c>*</c> matches any text).
/// </summary>
[Flags]
public enum GlobSyntax
{
    /// <summary><c>*</c> matches any text, <c>?</c> any one character.</summary>
    Text = 0,

    /// <summary><c>*</c> and <c>?</c> stay inside one '/'-separated component; <c>**</c> crosses them, <c>**/</c> also matches no folder.</summary>
    Components = 1,

    /// <summary><c>{a,b}</c> alternatives, nested allowed.</summary>
    Braces = 2,

    /// <summary><c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c> character classes.</summary>
    Classes = 4,

    /// <summary>A backslash makes the next character literal.</summary>
    Escapes = 8,

    Path = Components | Braces | Classes,

    GitIgnore = Components | Classes | Escapes,
}
