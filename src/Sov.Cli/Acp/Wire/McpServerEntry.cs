namespace Sov.Cli.Acp.Wire;

/// <summary>An MCP server the editor offers (stdio: command; http or sse: url).</summary>
internal sealed record McpServerEntry(string? Type, string? Name, string? Command, IReadOnlyList<string>? Args, IReadOnlyList<NameValue>? Env, string? Url, IReadOnlyList<NameValue>? Headers);
