using System.Buffers;

namespace Sov.Borders.Mcp;

/// <summary>
/// Newline-delimited messages read from a stream with the cap applied while reading: a line is never held
/// beyond <c>maxLine</c> bytes, however long the server makes it (<see cref="McpMessageTooLargeException"/>).
/// (Pinned attack, issue #12: a 300 MB result took 2.8 GB of memory before the output cap applied.)
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxLine)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private int _start;
    private int _end;

    /// <summary>The next line without its newline (valid until the next call); null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        while (true)
        {
            if (_start < _end)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                var newline = span.IndexOf((byte)'\n');
                var take = newline < 0 ? span.Length : newline;
                if (_line.WrittenCount + take > maxLine)
                {
                    throw new McpMessageTooLargeException(maxLine);
                }

                _line.Write(span[..take]);
                _start += newline < 0 ? take : take + 1;
                if (newline >= 0)
                {
                    return _line.WrittenMemory;
                }

                continue;
            }

            var read = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _line.WrittenCount > 0 ? _line.WrittenMemory : (ReadOnlyMemory<byte>?)null;
            }

            (_start, _end) = (0, read);
        }
    }
}
