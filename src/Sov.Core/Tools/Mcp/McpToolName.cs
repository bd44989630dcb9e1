using Sov.Core.Text;

namespace Sov.Core.Tools.Mcp;

/// <summary>
/// The one rule for MCP names. The model calls a tool as <c>mcp__SERVER__TOOL</c>; SERVER (the person's, from
/// config) and TOOL (the server's, untrusted) must each be made of what the MCP specification allows for tool
/// names, <c>[A-Za-z0-9_.-]</c>, and the whole must fit the 64 characters chat APIs accept. A tool whose name
/// does not is left out, never renamed, so the permission rule <c>mcp:SERVER/TOOL</c> always names exactly the
/// tool that runs. (Pinned attack, issue #12: newlines in a tool name drew fake lines in the approval box.)
/// </summary>
public static class McpToolName
{
    public const string Prefix = "mcp__";
    public const string Separator = "__";

    /// <summary>The longest name a chat API accepts for a function.</summary>
    public const int MaxLength = 64;

    /// <summary>The longest server name config accepts, leaving every tool at least 25 characters.</summary>
    public const int MaxServerLength = 32;

    /// <summary>What the warning and config error say the rule is.</summary>
    public const string Rule = "letters, digits, '_', '.' and '-'";

    /// <summary>True when every character is one MCP allows in a name (and there is at least one).</summary>
    public static bool IsValidPart(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
    }

    /// <summary><c>mcp__SERVER__TOOL</c>, or null when either part breaks the rule or the whole is too long.</summary>
    public static string? For(string server, string tool)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tool);
        if (!IsValidPart(server) || !IsValidPart(tool) || Prefix.Length + server.Length + Separator.Length + tool.Length > MaxLength)
        {
            return null;
        }

        return Prefix + server + Separator + tool;
    }

    /// <summary>At most <paramref name="length"/> characters of <paramref name="text"/>, never half a surrogate pair.</summary>
    public static string Head(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    /// <summary>An untrusted name as a warning may show it: on one line, hazards as markers, at most 80 characters kept.</summary>
    public static string Shown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const int keep = 80;
        var shown = TerminalText.Line(Head(name, keep));
        return name.Length > keep ? $"{shown}… ({name.Length} characters)" : shown;
    }
}
