namespace Sov.Cli.Acp.Wire;

/// <summary><c>session/new</c> and <c>session/load</c>: the folder the session works in, the MCP servers the editor offers, and (load) the session.</summary>
internal sealed record NewSessionParams(string? Cwd, IReadOnlyList<McpServerEntry>? McpServers, string? SessionId);
