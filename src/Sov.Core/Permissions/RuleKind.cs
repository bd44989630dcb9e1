namespace Sov.Core.Permissions;

/// <summary>What a rule pattern is about: <c>shell:</c> commands, <c>write:</c> or <c>read:</c> paths, <c>mcp:</c> MCP tools (<c>SERVER/TOOL</c>).</summary>
public enum RuleKind
{
    Shell,
    Write,
    Read,
    Mcp,
}
