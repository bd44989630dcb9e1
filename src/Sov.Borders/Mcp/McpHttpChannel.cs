using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sov.Borders.Mcp.Wire;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// MCP's streamable HTTP transport through an egress-gated client: every message is a POST of its own, a request
/// answered by an <c>application/json</c> body or a <c>text/event-stream</c> whose events are read until the one
/// that answers it (a ping from the server in that stream is answered; its other requests and notifications are
/// not taken up). The <c>Mcp-Session-Id</c> the server gives is sent back, and so is the protocol version agreed.
/// Nothing unasked is read: no standalone GET stream. Bodies are capped by the client's <c>ResponseCap</c>.
/// </summary>
internal sealed class McpHttpChannel(HttpClient http, Uri endpoint, string? bearerToken) : IMcpChannel
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    private string? _session;

    /// <summary>The protocol version agreed in <c>initialize</c>, sent with every later message.</summary>
    public string? ProtocolVersion { get; set; }

    public CancellationToken Closed => CancellationToken.None;

    public string? Problem => null;

    public async Task<JsonRpcMessage> RequestAsync(long id, string method, byte[] message, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(method, message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (string.Equals(type, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return await FromEventsAsync(body, id, method, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new McpProtocolException($"the server answered {method} with content of type '{type}', neither JSON nor an event stream");
        }

        JsonRpcMessage? answer;
        try
        {
            answer = await JsonSerializer.DeserializeAsync(body, McpJson.Default.JsonRpcMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            answer = null;
        }

        return answer is null ? throw new McpProtocolException($"the server's answer to {method} is not a JSON-RPC message")
            : answer.Answers(id) ? answer
            : throw new McpProtocolException($"the server answered {method} with a message for another request");
    }

    public async Task NotifyAsync(byte[] message, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("a notification", message, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonRpcMessage> FromEventsAsync(Stream body, long id, string method, CancellationToken cancellationToken)
    {
        var events = new SseReader(body, McpLimits.MaxMessageBytes);
        while (await events.ReadEventAsync(cancellationToken).ConfigureAwait(false) is { } data)
        {
            var message = JsonRpcFraming.Parse(data.Span);
            if (message?.Answers(id) == true)
            {
                return message;
            }

            if (message is { IsRequest: true, Method: "ping" })
            {
                await NotifyAsync(JsonRpcFraming.EmptyResult(message.Id!.Value), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new McpProtocolException($"the server's event stream ended without an answer to {method}");
    }

    private async Task<HttpResponseMessage> PostAsync(string what, byte[] message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(message) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(Json);
        request.Headers.Accept.Add(EventStream);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (_session is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", _session);
        }

        if (ProtocolVersion is not null)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", ProtocolVersion);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new McpProtocolException(status == HttpStatusCode.NotFound && _session is not null
                ? $"the server no longer knows this session (HTTP 404 to {what})"
                : $"the server answered {what} with HTTP {(int)status} ({status})");
        }

        if (response.Headers.TryGetValues("Mcp-Session-Id", out var session))
        {
            _session ??= session.FirstOrDefault();
        }

        return response;
    }
}
