using System.Net;
using Sov.Borders.Mcp;
using Sov.Borders.Network;

namespace Sov.Tests.Borders;

/// <summary>An MCP server's HTTP responses. Issue #12 (item 5): a 300 MB result was read whole before any cap applied.</summary>
public sealed class ResponseCapTests
{
    private sealed class Answer(HttpContent content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    /// <summary>A body without a Content-Length, as a server streams it.</summary>
    private sealed class Unsized(byte[] data) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static HttpMessageInvoker Capped(HttpContent content) => new(new ResponseCap(1000) { InnerHandler = new Answer(content) });

    [Fact]
    public async Task ABodyUnderTheCapIsReadAsItIs()
    {
        using var client = Capped(new StringContent("{\"ok\":true}", System.Text.Encoding.UTF8, "application/json"));
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://h/mcp"), TestContext.Current.CancellationToken);
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ALongerBodyFailsWhileReadingOrAtItsLength()
    {
        using var client = Capped(new Unsized(new byte[5000]));
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://h/mcp"), TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.IsType<McpMessageTooLargeException>(e.InnerException); // found in the chain by McpConnection

        using var declared = Capped(new ByteArrayContent(new byte[5000]));
        await Assert.ThrowsAsync<McpMessageTooLargeException>(() => declared.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://h/mcp"), TestContext.Current.CancellationToken));
    }
}
