using System.Buffers;
using System.Text;

namespace Sov.Core.Models;

/// <summary>
/// Reads server-sent events: joins <c>data:</c> lines up to a blank line and yields the data; comments
/// (<c>:</c>) and other fields are ignored. What the body is comes from its first bytes, not its label: a
/// body that starts with <c>{</c> is one JSON completion (a server that ignored <c>"stream": true</c>),
/// yielded as one event and then <c>[DONE]</c>; anything else is a stream, even when labelled
/// <c>application/json</c> (#13.8). No line and no event may exceed <see cref="MaxEventBytes"/>: past it,
/// reading stops with <see cref="StreamEventTooLargeException"/> before more is buffered (#13.8: a 50 MB line
/// cost 717 MB).
/// </summary>
public sealed class SseReader(Stream stream, int maxEventBytes = SseReader.DefaultMaxEventBytes)
{
    /// <summary>16 MiB: room for a non-streamed answer that writes a file of several million characters.</summary>
    public const int DefaultMaxEventBytes = 16 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[16384];
    private readonly ArrayBufferWriter<byte> _line = new(256);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLineFeed;
    private Kind _kind;

    private enum Kind
    {
        Unknown,
        Stream,
        Json,
        JsonDone,
        Finished,
    }

    public int MaxEventBytes => maxEventBytes;

    /// <summary>The next event's data, or null at the end of the stream.</summary>
    public async Task<string?> ReadEventAsync(CancellationToken cancellationToken)
    {
        if (_kind == Kind.Unknown)
        {
            _kind = await SniffAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (_kind)
        {
            case Kind.Json:
                _kind = Kind.JsonDone;
                return await ReadRestAsync(cancellationToken).ConfigureAwait(false);
            case Kind.JsonDone:
                _kind = Kind.Finished;
                return "[DONE]";
            case Kind.Finished:
                return null;
        }

        StringBuilder? data = null;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                // A last event without its blank line still counts; a half-written one fails to parse later.
                return data?.ToString();
            }

            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return data.ToString();
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var value = line.AsSpan(5);
                if (value.Length > 0 && value[0] == ' ')
                {
                    value = value[1..];
                }

                if (data is null)
                {
                    data = new StringBuilder(value.Length);
                }
                else
                {
                    data.Append('\n');
                }

                data.Append(value);
                if (data.Length > maxEventBytes)
                {
                    throw new StreamEventTooLargeException(maxEventBytes);
                }
            }
        }
    }

    /// <summary>Looks at the first non-blank byte (after a byte-order mark): <c>{</c> or <c>[</c> is JSON, anything else SSE.</summary>
    private async Task<Kind> SniffAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return Kind.Stream;
            }

            if (_start == 0 && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
                continue;
            }

            var b = _buffer[_start];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                _start++;
                continue;
            }

            return b is (byte)'{' or (byte)'[' ? Kind.Json : Kind.Stream;
        }
    }

    private async Task<string> ReadRestAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        while (_start < _end || await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            Append(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }

        return Encoding.UTF8.GetString(_line.WrittenSpan).ReplaceLineEndings(" ");
    }

    /// <summary>One line without its ending (LF, CRLF or CR), or null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var any = false;
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return any ? Encoding.UTF8.GetString(_line.WrittenSpan) : null;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var end = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                Append(span);
                _start = _end;
                continue;
            }

            Append(span[..end]);
            _skipLineFeed = span[end] == (byte)'\r';
            _start += end + 1;
            return Encoding.UTF8.GetString(_line.WrittenSpan);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_line.WrittenCount + bytes.Length > maxEventBytes)
        {
            throw new StreamEventTooLargeException(maxEventBytes);
        }

        _line.Write(bytes);
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _eof = _end == 0;
        return !_eof;
    }
}
