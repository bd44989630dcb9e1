namespace Sov.Core.Tools.Effects;

/// <summary>Calls <paramref name="Tool"/> of the configured MCP server <paramref name="Server"/>: what that does is up to the server.</summary>
public sealed record ExternalServer(string Server, string Tool) : ToolEffect
{
    public override string Kind => "mcp";
}
