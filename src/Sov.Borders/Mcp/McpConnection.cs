using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// A connected MCP server over the official C# SDK. Disposing closes the connection (for a stdio server, the
/// sandboxed process ends with it), then removes the empty mount points bubblewrap made for absent protected paths.
/// </summary>
internal sealed class McpConnection(string name, McpClient client, IReadOnlyList<string> placeholders, HttpClient? http) : IMcpServer
{
    public string Name { get; } = name;

    public async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(CancellationToken cancellationToken)
    {
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. tools.Select(t => new McpToolInfo(t.Name, t.Description, t.JsonSchema))];
    }

    public async Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(block is TextContentBlock t ? t.Text : $"[{block.Type} content not shown]");
        }

        return new McpCallResult(text.ToString(), result.IsError == true);
    }

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync().ConfigureAwait(false);
        http?.Dispose();
        Sandbox.BubblewrapShell.RemovePlaceholders(placeholders);
    }
}
