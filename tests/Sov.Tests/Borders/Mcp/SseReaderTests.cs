using System.Text;
using Sov.Borders.Mcp;

namespace Sov.Tests.Borders.Mcp;

/// <summary>Events of an MCP server's text/event-stream answer (#14: read by Sovereign's own client).</summary>
public sealed class SseReaderTests
{
    private static async Task<List<string>> EventsAsync(string body, int max = 1000)
    {
        var reader = new SseReader(new MemoryStream(Encoding.UTF8.GetBytes(body)), max);
        var events = new List<string>();
        while (await reader.ReadEventAsync(TestContext.Current.CancellationToken) is { } data)
        {
            events.Add(Encoding.UTF8.GetString(data.Span));
        }

        return events;
    }

    [Fact]
    public async Task DataLinesAreJoinedAndOtherFieldsSkipped()
    {
        var events = await EventsAsync(": a comment\r\nid: 1\r\nretry: 10\r\ndata: {\"a\":\r\ndata:1}\r\n\r\nevent: other\ndata: skipped\n\nevent: message\ndata: two\n\n\n\ndata: last without a blank line");
        Assert.Equal(["{\"a\":\n1}", "two", "last without a blank line"], events);
    }

    [Fact]
    public async Task AnEventOverTheCapStopsReading()
    {
        var body = "data: " + new string('x', 600) + "\ndata: " + new string('y', 600) + "\n\n";
        await Assert.ThrowsAsync<McpMessageTooLargeException>(() => EventsAsync(body));
    }
}
