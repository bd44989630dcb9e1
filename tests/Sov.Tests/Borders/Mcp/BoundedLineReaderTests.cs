using System.Text;
using Sov.Borders.Mcp;

namespace Sov.Tests.Borders.Mcp;

/// <summary>Lines from an MCP server. Issue #12 (item 5): a 300 MB result was buffered whole before any cap applied.</summary>
public sealed class BoundedLineReaderTests
{
    private sealed class EndlessStream : Stream
    {
        public long Given { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Given; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'A');
            Given += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task LinesAreSplitAcrossReadsAndTheLastOneNeedsNoNewline()
    {
        var reader = new BoundedLineReader(new MemoryStream(Encoding.UTF8.GetBytes("one\n\ntwo\r\nthree")), 100);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        Assert.Equal(["one", "", "two\r", "three"], lines);
    }

    [Fact]
    public async Task AnEndlessLineStopsAtTheCapWhileReading()
    {
        var stream = new EndlessStream();
        var reader = new BoundedLineReader(stream, 1024 * 1024);
        await Assert.ThrowsAsync<McpMessageTooLargeException>(async () => await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.InRange(stream.Given, 1024 * 1024, 1024 * 1024 + 64 * 1024);
    }
}
