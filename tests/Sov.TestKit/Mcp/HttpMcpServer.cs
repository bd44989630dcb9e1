using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.Mcp;

/// <summary>
/// A small MCP server over streamable HTTP: real Kestrel on 127.0.0.1, JSON-RPC in POST bodies answered as
/// application/json (notifications get 202). One tool, <c>echo</c>, and two hostile ones, <c>hang</c> and <c>huge</c> (<see cref="HostileAsync"/>). Records each request's method and
/// Authorization header.
/// </summary>
public sealed class HttpMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, string? Authorization)> _calls = new();

    private HttpMcpServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>http://127.0.0.1:PORT/mcp</summary>
    public Uri Url { get; }

    public IReadOnlyList<(string Method, string? Authorization)> Calls => [.. _calls];

    public static async Task<HttpMcpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        HttpMcpServer? server = null;
        var (app, origin) = await LoopbackHost.StartAsync(context => server!.HandleAsync(context), cancellationToken).ConfigureAwait(false);
        server = new HttpMcpServer(app, new Uri(origin, "/mcp"));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 405; // no standalone SSE stream
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var message = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false))!.AsObject();
        var method = (string?)message["method"] ?? "";
        _calls.Enqueue((method, context.Request.Headers.Authorization.FirstOrDefault()));
        if (message["id"] is not { } id)
        {
            context.Response.StatusCode = 202;
            return;
        }

        if (method == "tools/call" && await HostileAsync(context, id, (string?)message["params"]?["name"]).ConfigureAwait(false))
        {
            return;
        }

        JsonNode? result = method switch
        {
            "initialize" => new JsonObject
            {
                ["protocolVersion"] = (string?)message["params"]?["protocolVersion"] ?? "2025-06-18",
                ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                ["serverInfo"] = new JsonObject { ["name"] = "http-fixture", ["version"] = "1.0" },
            },
            "tools/list" => JsonNode.Parse("""{"tools":[{"name":"echo","description":"Echo over HTTP.","inputSchema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}},{"name":"hang","inputSchema":{"type":"object"}},{"name":"huge","inputSchema":{"type":"object"}}]}""")!,
            "tools/call" => new JsonObject
            {
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "http says: " + (string?)message["params"]?["arguments"]?["text"] }),
                ["isError"] = false,
            },
            "ping" => new JsonObject(),
            _ => null,
        };
        context.Response.ContentType = "application/json";
        context.Response.Headers["Mcp-Session-Id"] = "fixture-session";
        var response = result is null
            ? new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found" } }
            : new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result };
        await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Issue #12: tool <c>hang</c> never answers (until the client goes away); tool <c>huge</c> answers with
    /// 300 MB of text, written as it goes and without a Content-Length. Other tools: false, answered normally.
    /// </summary>
    private static async Task<bool> HostileAsync(HttpContext context, JsonNode id, string? tool)
    {
        if (tool == "hang")
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return true;
        }

        if (tool != "huge")
        {
            return false;
        }

        context.Response.ContentType = "application/json";
        var piece = new byte[1024 * 1024];
        piece.AsSpan().Fill((byte)'A');
        try
        {
            var head = "{\"jsonrpc\":\"2.0\",\"id\":" + id.ToJsonString() + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"";
            await context.Response.WriteAsync(head, context.RequestAborted).ConfigureAwait(false);
            for (var i = 0; i < 300; i++)
            {
                await context.Response.Body.WriteAsync(piece, context.RequestAborted).ConfigureAwait(false);
            }

            await context.Response.WriteAsync("\"}]}}", context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // the client stopped reading: what the test wants
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
