namespace Sov.Borders.Network;

/// <summary>
/// A response body that counts the bytes read from it and reports once, at the end of the stream or when
/// it is disposed, whichever comes first (so a half-read stream is reported with what was read). With a
/// <c>limit</c>, reading past it fails with <see cref="Mcp.McpMessageTooLargeException"/> (<see cref="ResponseCap"/>).
/// </summary>
internal sealed class CountingStream(Stream inner, Action<long> done, long limit = long.MaxValue) : Stream
{
    private long _count;
    private int _reported;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _count;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Report();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int n)
    {
        if (n == 0)
        {
            Report();
        }

        _count += n;
        return _count > limit ? throw new Mcp.McpMessageTooLargeException(limit) : n;
    }

    private void Report()
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            done(_count);
        }
    }
}
