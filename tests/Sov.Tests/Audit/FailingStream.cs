namespace Sov.Tests.Audit;

/// <summary>
/// A file stream that runs out of space (#13.1): writes go through until <see cref="Budget"/> bytes are used,
/// then the rest of that write fails with ENOSPC after its first bytes landed, as a partial write does. Raise
/// the budget to "free space"; <see cref="CutFails"/> makes truncation fail too (a dying disk).
/// </summary>
internal sealed class FailingStream(Stream inner, long budget) : Stream
{
    private const int Enospc = 28;

    public long Budget { get; set; } = budget;

    public bool CutFails { get; set; }

    public int Failures { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length <= Budget)
        {
            inner.Write(buffer);
            Budget -= buffer.Length;
            return;
        }

        inner.Write(buffer[..(int)Budget]);
        Budget = 0;
        Failures++;
        throw new IOException("No space left on device", Enospc);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
        if (inner is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
    }

    public override void SetLength(long value)
    {
        if (CutFails)
        {
            throw new IOException("Input/output error", 5);
        }

        inner.SetLength(value);
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
