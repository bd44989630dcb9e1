using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.Mcp;

/// <summary>
/// A small MCP server over streamable HTTP: real Kestrel on 127.0.0.1, JSON-RPC in POST bodies answered as
/// application/json (notifications get 202). One tool, <c>echo</c>. Records each request's method and
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

        JsonNode? result = method switch
        {
            "initialize" => new JsonObject
            {
                ["protocolVersion"] = (string?)message["params"]?["protocolVersion"] ?? "2025-06-18",
                ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                ["serverInfo"] = new JsonObject { ["name"] = "http-fixture", ["version"] = "1.0" },
            },
            "tools/list" => JsonNode.Parse("""{"tools":[{"name":"echo","description":"Echo over HTTP.","inputSchema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}}]}""")!,
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
