using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sov.Core.Config;
using Sov.Core.Text;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// A connected MCP server over the official C# SDK. Every request is bounded in time: <c>tools/list</c> (all its
/// pages, at most <see cref="McpLimits.MaxListPages"/>) by the server's start-up timeout, each <c>tools/call</c>
/// by its call timeout, and a server whose output ends (or that broke the message cap) fails the request at
/// once. A result's text is kept only up to <see cref="McpTool.MaxOutput"/> characters as it is put together.
/// Disposing closes the connection (for a stdio server, the sandboxed process ends with it), then removes the
/// empty mount points bubblewrap made for absent protected paths.
/// </summary>
internal sealed class McpConnection(McpServerSettings settings, McpClient client, McpStdioSession? session, IReadOnlyList<string> placeholders, HttpClient? http) : IMcpServer
{
    public string Name { get; } = settings.Name;

    public Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken) =>
        BoundedAsync("tools/list", settings.StartupTimeout, "startup_timeout_seconds", async token =>
        {
            var tools = new List<McpToolInfo>();
            string? cursor = null;
            for (var page = 0; page < McpLimits.MaxListPages; page++)
            {
                var result = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }, token).ConfigureAwait(false);
                tools.AddRange(result.Tools.Select(t => new McpToolInfo(t.Name, t.Description, t.InputSchema)));
                cursor = result.NextCursor;
                if (string.IsNullOrEmpty(cursor))
                {
                    return new McpToolList(tools, Incomplete: false);
                }
            }

            return new McpToolList(tools, Incomplete: true);
        }, cancellationToken);

    public Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken) =>
        BoundedAsync("tools/call", settings.CallTimeout, "timeout_seconds", async token =>
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: token).ConfigureAwait(false);
            var text = new StringBuilder();
            long omitted = 0;
            foreach (var block in result.Content)
            {
                var part = block is TextContentBlock t ? t.Text : $"[{block.Type} content not shown]";
                var room = Math.Max(0, McpTool.MaxOutput - text.Length - (text.Length > 0 ? 1 : 0));
                omitted += Math.Max(0, part.Length - room);
                if (room > 0)
                {
                    text.Append(text.Length > 0 ? "\n" : "").Append(part, 0, Math.Min(room, part.Length));
                }
            }

            return new McpCallResult(text.ToString(), result.IsError == true) { Omitted = omitted };
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync().ConfigureAwait(false);
        http?.Dispose();
        Sandbox.BubblewrapShell.RemovePlaceholders(placeholders);
    }

    /// <summary>
    /// Runs one request within <paramref name="limit"/>, ending it early when the server's output ends; a
    /// timeout, an ended server or an over-long message is a <see cref="ToolException"/> that says which, and
    /// so is an error the server answered (its message cut to <see cref="McpTool.MaxDescription"/> characters).
    /// </summary>
    private async Task<T> BoundedAsync<T>(string what, TimeSpan limit, string key, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session?.Closed ?? CancellationToken.None);
        deadline.CancelAfter(limit);
        try
        {
            return await request(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is OperationCanceledException || TooLarge(e) is not null || session?.Closed.IsCancellationRequested == true))
        {
            var why = TooLarge(e)?.Message ?? session?.Problem
                ?? (session?.Closed.IsCancellationRequested == true ? "the server ended"
                : $"no answer to {what} within {limit.TotalSeconds:0} s ({key} in [mcp.servers.{Name}])");
            throw new ToolException($"MCP server '{Name}': {why}.");
        }
        catch (McpException e) when (!cancellationToken.IsCancellationRequested)
        {
            // the server's own words, untrusted: kept short, hidden characters shown as markers
            throw new ToolException($"MCP server '{Name}' answered {what} with an error: {TextBorder.Reveal(McpToolName.Head(e.Message, McpTool.MaxDescription))}");
        }
    }

    private static McpMessageTooLargeException? TooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is McpMessageTooLargeException large)
            {
                return large;
            }
        }

        return null;
    }
}
