using System.Text;

namespace Sov.Core.Models;

/// <summary>
/// Reads server-sent events: joins <c>data:</c> lines up to a blank line and yields the data; comments
/// (<c>:</c>) and other fields are ignored. Each read waits at most the idle timeout.
/// </summary>
public sealed class SseReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16384);

    /// <summary>The next event's data, or null at the end of the stream.</summary>
    public async Task<string?> ReadEventAsync(CancellationToken cancellationToken)
    {
        StringBuilder? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
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
                    data = new StringBuilder();
                }
                else
                {
                    data.Append('\n');
                }

                data.Append(value);
            }
        }
    }
}
