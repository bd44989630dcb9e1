using System.Text;
using System.Text.Json;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// A running turn's pending record: <c>pending/&lt;turn&gt;.jsonl</c>, held open with an exclusive advisory lock
/// while the turn runs (so another start knows the turn is alive), each line fsynced before the change it
/// announces. The turn's end deletes it; a start that finds one unlocked knows its process died mid-turn (#13.7).
/// </summary>
internal sealed class PendingRecord : IDisposable
{
    private readonly FileStream _stream;

    private PendingRecord(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>Created under a temporary name, locked and headed, then renamed into place: never seen unlocked or empty.</summary>
    public static PendingRecord Create(string folder, string turn, string? session)
    {
        PrivateFiles.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, AtomicFile.TempName(turn + ".jsonl"));
        var stream = PrivateFiles.Open(temp, FileMode.CreateNew, FileShare.None);
        try
        {
            var record = new PendingRecord(System.IO.Path.Combine(folder, turn + ".jsonl"), stream);
            record.Append(new PendingLine(Turn: turn, Session: session));
            File.Move(temp, record.Path, overwrite: false);
            return record;
        }
        catch
        {
            stream.Dispose();
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Appends one line and flushes it to the disk before returning.</summary>
    public void Append(PendingLine line)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, PendingJsonContext.Default.PendingLine);
        _stream.Write(bytes);
        _stream.WriteByte((byte)'\n');
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Removes the record (the turn is stored or abandoned), then lets go of the lock.</summary>
    public void Delete()
    {
        File.Delete(Path);
        _stream.Dispose();
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>The complete lines of a pending record; a torn last line (the process died writing it) is left out.</summary>
    public static List<PendingLine> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var text = reader.ReadToEnd();
        var lines = new List<PendingLine>();
        foreach (var raw in text.Split('\n')[..^1])
        {
            try
            {
                if (JsonSerializer.Deserialize(raw, PendingJsonContext.Default.PendingLine) is { } line)
                {
                    lines.Add(line);
                }
            }
            catch (JsonException)
            {
            }
        }

        return lines;
    }
}
