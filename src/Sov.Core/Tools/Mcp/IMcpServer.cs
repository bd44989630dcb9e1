namespace Sov.Core.Tools.Mcp;

/// <summary>
/// A connected MCP server as the agent needs it: its tools and a way to call one. The connection itself (a
/// sandboxed process on stdio, or HTTP through the egress gate) lives in Sov.Borders.
/// </summary>
public interface IMcpServer : IAsyncDisposable
{
    /// <summary>The name the person gave the server in config.toml.</summary>
    string Name { get; }

    /// <summary>The server's tools, its pages followed up to <see cref="McpLimits.MaxListPages"/>.</summary>
    Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken);

    Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken);
}
