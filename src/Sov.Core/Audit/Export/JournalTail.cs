using System.Text;

namespace Sov.Core.Audit.Export;

/// <summary>
/// Reads the whole records a journal holds after a byte offset, in order, up to a batch's limits. A last line without
/// its newline is a record being written (or cut by a crash) and is left for later; a whole line that is not a record
/// becomes an <see cref="UnparseableLine"/> stub (#20: never passed over in silence; <c>sov audit verify</c> reports it).
/// </summary>
public static class JournalTail
{
    private const int Chunk = 64 * 1024;

    /// <returns>The batch (null when no whole record follows <paramref name="offset"/>), or null.</returns>
    public static ExportBatch? Read(string path, string session, long offset, int maxRecords, int maxBytes, DateTimeOffset now = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (stream.Length <= offset)
        {
            return null;
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var lines = new List<JournalLine>();
        var pending = new MemoryStream();
        var end = offset;
        long bytes = 0;
        var buffer = new byte[Chunk];
        int read;
        while (lines.Count < maxRecords && bytes < maxBytes && (read = stream.Read(buffer)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read && lines.Count < maxRecords && bytes < maxBytes; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                pending.Write(buffer, start, i - start);
                var at = end;
                end += pending.Length + 1;
                bytes += pending.Length + 1;
                if (JournalReader.Parse(Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length)) is { } line)
                {
                    lines.Add(line);
                }
                else
                {
                    lines.Add(UnparseableLine.Stub(session, at, pending.GetBuffer().AsSpan(0, (int)pending.Length), now));
                }

                pending.SetLength(0);
                start = i + 1;
            }

            if (lines.Count >= maxRecords || bytes >= maxBytes)
            {
                break;
            }

            pending.Write(buffer, start, read - start);
        }

        return lines.Count == 0 ? (end > offset ? new ExportBatch(session, [], end) : null) : new ExportBatch(session, lines, end);
    }
}
