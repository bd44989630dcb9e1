using System.Text;

namespace Sov.Borders.Processes;

/// <summary>
/// Keeps the first <c>headBytes</c> and the last <c>tailBytes</c> of a stream and counts what fell in
/// between, so a command printing gigabytes costs a few kilobytes. Writers may be concurrent (stdout and
/// stderr feed one instance, interleaved as chunks arrive).
/// </summary>
public sealed class BoundedOutput(int headBytes, int tailBytes)
{
    private readonly Lock _gate = new();
    private readonly byte[] _head = new byte[headBytes];
    private readonly byte[] _tail = new byte[tailBytes];
    private int _headCount;
    private long _tailWritten;

    /// <summary>Bytes seen in total.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>Bytes neither in the head nor the tail.</summary>
    public long DroppedBytes => Math.Max(0, TotalBytes - _headCount - Math.Min(_tailWritten, _tail.Length));

    public void Add(ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            TotalBytes += chunk.Length;
            var toHead = Math.Min(chunk.Length, _head.Length - _headCount);
            chunk[..toHead].CopyTo(_head.AsSpan(_headCount));
            _headCount += toHead;
            foreach (var b in chunk[toHead..])
            {
                if (_tail.Length == 0)
                {
                    break;
                }

                _tail[(int)(_tailWritten % _tail.Length)] = b;
                _tailWritten++;
            }
        }
    }

    /// <summary>The kept text: head, a marker with the dropped byte count when something was dropped, tail.</summary>
    public string Text()
    {
        lock (_gate)
        {
            var head = Encoding.UTF8.GetString(_head, 0, _headCount);
            var kept = (int)Math.Min(_tailWritten, _tail.Length);
            var tail = new byte[kept];
            var start = _tailWritten - kept;
            for (var k = 0; k < kept; k++)
            {
                tail[k] = _tail[(int)((start + k) % _tail.Length)];
            }

            var tailText = Encoding.UTF8.GetString(tail);
            return DroppedBytes > 0
                ? $"{head}\n[... {DroppedBytes} bytes dropped ...]\n{tailText}"
                : head + tailText;
        }
    }
}
