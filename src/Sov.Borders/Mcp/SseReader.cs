using System.Buffers;

namespace Sov.Borders.Mcp;

/// <summary>
/// The events of a <c>text/event-stream</c> body, as MCP's streamable HTTP uses it: each event's <c>data:</c>
/// lines joined by newlines, dispatched at a blank line; events of a type other than <c>message</c>, comments,
/// <c>id:</c> and <c>retry:</c> are skipped (nothing is resumed). One event's data, like one line, is held only
/// up to <c>maxEvent</c> bytes (<see cref="McpMessageTooLargeException"/>).
/// </summary>
internal sealed class SseReader(Stream stream, int maxEvent)
{
    private readonly BoundedLineReader _lines = new(stream, maxEvent);
    private readonly ArrayBufferWriter<byte> _data = new(4096);

    /// <summary>The next message event's data (valid until the next call); null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadEventAsync(CancellationToken cancellationToken)
    {
        _data.ResetWrittenCount();
        var hasData = false;
        var isMessage = true;
        while (await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } raw)
        {
            var line = raw.Span;
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (hasData && isMessage)
                {
                    return _data.WrittenMemory;
                }

                (hasData, isMessage) = (false, true);
                _data.ResetWrittenCount();
                continue;
            }

            var colon = line.IndexOf((byte)':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? ReadOnlySpan<byte>.Empty : line[(colon + 1)..];
            if (value.StartsWith(" "u8))
            {
                value = value[1..];
            }

            if (field.SequenceEqual("data"u8))
            {
                if (_data.WrittenCount + value.Length + 1 > maxEvent)
                {
                    throw new McpMessageTooLargeException(maxEvent);
                }

                if (hasData)
                {
                    _data.Write("\n"u8);
                }

                _data.Write(value);
                hasData = true;
            }
            else if (field.SequenceEqual("event"u8))
            {
                isMessage = value.IsEmpty || value.SequenceEqual("message"u8);
            }
        }

        return hasData && isMessage ? _data.WrittenMemory : (ReadOnlyMemory<byte>?)null;
    }
}
