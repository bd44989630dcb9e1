using System.Text;
using System.Text.Json;
using Sov.Borders.Mcp.Wire;
using Sov.Core.Config;
using Sov.Core.Text;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// A connected MCP server, spoken to over a channel (stdio or HTTP). Every request is bounded in time:
/// <c>tools/list</c> (all its pages, at most <see cref="McpLimits.MaxListPages"/>) by the server's start-up timeout,
/// each <c>tools/call</c> by its call timeout, and a server whose output ends (or that broke the message cap)
/// fails the request at once. A result's text is kept only up to <see cref="McpTool.MaxOutput"/> characters as it
/// is put together. Disposing closes the channel (for a stdio server, the sandboxed process ends with it), then
/// removes the empty mount points bubblewrap made for absent protected paths.
/// </summary>
internal sealed class McpConnection(McpServerSettings settings, IMcpChannel channel, IReadOnlyList<string> placeholders, HttpClient? http) : IMcpServer
{
    /// <summary>The protocol version asked for in <c>initialize</c>.</summary>
    public const string Version = "2025-06-18";

    private static readonly string[] Spoken = ["2024-11-05", "2025-03-26", Version, "2025-11-25"];

    private long _lastId;

    public string Name { get; } = settings.Name;

    /// <summary>
    /// <c>initialize</c> then <c>notifications/initialized</c>. Bounded by the caller's start-up deadline only, so
    /// that a server that never answers is reported as one that did not start.
    /// </summary>
    public Task InitializeAsync(string clientVersion, CancellationToken cancellationToken) =>
        BoundedAsync("initialize", null, "startup_timeout_seconds", async token =>
        {
            using var none = JsonDocument.Parse("{}");
            var asked = new McpInitializeParams(Version, none.RootElement.Clone(), new McpImplementation("sov", clientVersion));
            var result = await RequestAsync("initialize", asked, McpJson.Default.McpInitializeParams, McpJson.Default.McpInitializeResult, token).ConfigureAwait(false);
            if (result.ProtocolVersion is not { } agreed || !Spoken.Contains(agreed, StringComparer.Ordinal))
            {
                throw new McpProtocolException($"the server speaks MCP version '{TextBorder.Reveal(McpToolName.Head(result.ProtocolVersion ?? "", 40))}', which Sovereign does not ({string.Join(", ", Spoken)})");
            }

            if (channel is McpHttpChannel remote)
            {
                remote.ProtocolVersion = agreed;
            }

            await channel.NotifyAsync(JsonRpcFraming.Notification("notifications/initialized"), token).ConfigureAwait(false);
            return agreed;
        }, cancellationToken);

    public Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken) =>
        BoundedAsync("tools/list", settings.StartupTimeout, "startup_timeout_seconds", async token =>
        {
            var tools = new List<McpToolInfo>();
            string? cursor = null;
            for (var page = 0; page < McpLimits.MaxListPages; page++)
            {
                var result = await RequestAsync("tools/list", new McpListToolsParams(cursor), McpJson.Default.McpListToolsParams, McpJson.Default.McpListToolsResult, token).ConfigureAwait(false);
                tools.AddRange((result.Tools ?? []).Select(t => new McpToolInfo(t.Name ?? "", t.Description, Schema(t.InputSchema))));
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
            ArgumentNullException.ThrowIfNull(arguments);
            var values = arguments.ToDictionary(a => a.Key, a => Value(a.Value), StringComparer.Ordinal);
            var result = await RequestAsync("tools/call", new McpCallToolParams(tool, values), McpJson.Default.McpCallToolParams, McpJson.Default.McpCallToolResult, token).ConfigureAwait(false);
            var text = new StringBuilder();
            long omitted = 0;
            foreach (var block in result.Content ?? [])
            {
                var part = block.Type == "text" ? block.Text ?? "" : $"[{block.Type} content not shown]";
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
        await channel.DisposeAsync().ConfigureAwait(false);
        http?.Dispose();
        Sandbox.BubblewrapShell.RemovePlaceholders(placeholders);
    }

    private async Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TParams> asked, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResult> answered, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = await channel.RequestAsync(id, method, JsonRpcFraming.Request(id, method, parameters, asked), cancellationToken).ConfigureAwait(false);
        return JsonRpcFraming.Result(answer, method, answered);
    }

    /// <summary>A tool without a schema takes an object (as MCP's own SDKs assume).</summary>
    private static JsonElement Schema(JsonElement? schema)
    {
        if (schema is { ValueKind: JsonValueKind.Object } given)
        {
            return given;
        }

        using var bare = JsonDocument.Parse("""{"type":"object"}""");
        return bare.RootElement.Clone();
    }

    /// <summary>An argument as a JSON value (the tool hands over JSON values; anything else is sent as its text).</summary>
    private static JsonElement? Value(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value.ToString() ?? "", McpJson.Default.String),
    };

    /// <summary>
    /// Runs one request within <paramref name="limit"/> (when given), ending it early when the server's output
    /// ends; a timeout, an ended server, an over-long message or a broken protocol is a <see cref="ToolException"/>
    /// that says which, and so is an error the server answered (its message cut to <see cref="McpTool.MaxDescription"/> characters).
    /// </summary>
    private async Task<T> BoundedAsync<T>(string what, TimeSpan? limit, string key, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, channel.Closed);
        if (limit is { } within)
        {
            deadline.CancelAfter(within);
        }

        try
        {
            return await request(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is OperationCanceledException || TooLarge(e) is not null || channel.Closed.IsCancellationRequested))
        {
            var why = TooLarge(e)?.Message ?? channel.Problem
                ?? (channel.Closed.IsCancellationRequested ? "the server ended"
                : $"no answer to {what} within {limit?.TotalSeconds ?? 0:0} s ({key} in [mcp.servers.{Name}])");
            throw new ToolException($"MCP server '{Name}': {why}.");
        }
        catch (McpProtocolException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolException($"MCP server '{Name}': {TextBorder.Reveal(McpToolName.Head(e.Message, McpTool.MaxDescription))}.");
        }
        catch (McpRpcException e) when (!cancellationToken.IsCancellationRequested)
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
