using System.Text;
using Sov.Core.Models;

namespace Sov.Tests.Models;

public sealed class SseReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> ReadAllAsync(string body, int cap = SseReader.DefaultMaxEventBytes)
    {
        var reader = new SseReader(new MemoryStream(Encoding.UTF8.GetBytes(body)), cap);
        var events = new List<string>();
        while (await reader.ReadEventAsync(Ct) is { } data)
        {
            events.Add(data);
        }

        return events;
    }

    [Fact]
    public async Task JoinsDataLinesAndSkipsCommentsAndOtherFields()
    {
        var events = await ReadAllAsync(": hello\nevent: x\ndata: a\ndata:b\n\n\n\ndata: [DONE]\n\n");
        Assert.Equal(["a\nb", "[DONE]"], events);
    }

    [Fact]
    public async Task ReadsCrLfAndCrEndings()
    {
        Assert.Equal(["a", "b"], await ReadAllAsync("data: a\r\n\r\ndata: b\r\n\r\n"));
        Assert.Equal(["a", "b"], await ReadAllAsync("data: a\r\rdata: b\r\r"));
    }

    [Fact]
    public async Task AJsonBodyIsOneEventThenDone()
    {
        // #13.8: the body decides, not its label: a completion object is one event.
        Assert.Equal(["{\"a\": 1}", "[DONE]"], await ReadAllAsync("\uFEFF  {\"a\":\n1}"));
    }

    [Fact]
    public async Task AStreamIsAStreamWhateverItsLabel()
    {
        Assert.Equal(["{}", "[DONE]"], await ReadAllAsync("\n\ndata: {}\n\ndata: [DONE]\n\n"));
    }

    [Fact]
    public async Task ALineOverTheCapStopsReading()
    {
        // #13.8: a 50 MB line cost 717 MB; the cap is checked as bytes arrive.
        await Assert.ThrowsAsync<StreamEventTooLargeException>(() => ReadAllAsync("data: " + new string('x', 5000) + "\n\n", cap: 1000));
        await Assert.ThrowsAsync<StreamEventTooLargeException>(() => ReadAllAsync("{\"a\":\"" + new string('x', 5000) + "\"}", cap: 1000));
    }

    [Fact]
    public async Task AnEventOfManyLinesOverTheCapStopsReadingToo()
    {
        var body = string.Concat(Enumerable.Repeat("data: " + new string('x', 500) + "\n", 10)) + "\n";
        await Assert.ThrowsAsync<StreamEventTooLargeException>(() => ReadAllAsync(body, cap: 1000));
    }

    [Fact]
    public async Task MultiByteCharactersSplitAcrossReadsSurvive()
    {
        var text = string.Concat(Enumerable.Repeat("é€😀", 10_000));
        Assert.Equal([text], await ReadAllAsync("data: " + text + "\n\n"));
    }
}
