namespace Sov.Cli.Acp.Wire;

/// <summary>An environment variable or HTTP header of an editor-offered MCP server.</summary>
internal sealed record NameValue(string? Name, string? Value);
