using System.Text;

namespace Sov.Core.Models;

/// <summary>
/// Presents a non-streamed JSON completion as one server-sent event followed by [DONE], so the
/// streaming reader handles both (the chunk parser reads <c>choices[0].message</c> like a delta).
/// </summary>
internal sealed class SingleEventStream(Stream json) : Stream
{
    private Stream? _framed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_framed is null)
        {
            using var reader = new StreamReader(json, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            _framed = new MemoryStream(Encoding.UTF8.GetBytes("data: " + body.ReplaceLineEndings(" ") + "\n\ndata: [DONE]\n\n"));
        }

        return await _framed.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

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
            _framed?.Dispose();
            json.Dispose();
        }

        base.Dispose(disposing);
    }
}
