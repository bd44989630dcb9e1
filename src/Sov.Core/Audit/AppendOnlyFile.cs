using System.Security.Cryptography;

namespace Sov.Core.Audit;

/// <summary>
/// A JSON-lines file that only grows by whole records (#13.1): the journal and the session files. Each
/// <see cref="Append"/> writes at the end of the last good record, an offset kept here rather than the
/// stream's own (a partial write does not move that, and the next write would land inside the fragment).
/// When a write or its fsync fails (disk full, I/O error), the file is cut back to the last good record and
/// a <see cref="StateWriteException"/> is thrown: a record is on disk whole or not at all. If even the cut
/// fails, <see cref="TornTail"/> is set and nothing more is written (a later write would bury the fragment
/// mid-file); readers and <c>sov audit verify --repair</c> then see one partial last line.
/// A new file is written under a temporary name with its first record and fsynced before it is linked to
/// its name, which is never overwritten: a full disk leaves no empty file behind.
/// </summary>
internal sealed partial class AppendOnlyFile : IDisposable
{
    private readonly Stream _stream;
    private readonly string _what;

    private AppendOnlyFile(string path, Stream stream, long length, string what)
    {
        Path = path;
        _stream = stream;
        Length = length;
        _what = what;
    }

    public string Path { get; }

    /// <summary>Bytes up to the end of the last good record.</summary>
    public long Length { get; private set; }

    /// <summary>The last write failure, if any.</summary>
    public StateWriteException? Failure { get; private set; }

    /// <summary>A failed write left bytes that could not be cut: nothing more is written.</summary>
    public bool TornTail { get; private set; }

    /// <summary>
    /// Creates <paramref name="path"/> holding exactly <paramref name="first"/> (fsynced), or returns null when
    /// the name is taken (the caller picks another). Throws <see cref="StateWriteException"/> when it cannot be
    /// written, leaving nothing behind.
    /// </summary>
    public static AppendOnlyFile? TryCreate(string path, ReadOnlySpan<byte> first, string what, Func<Stream, Stream>? wrap = null)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        RemoveStaleTemps(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
        Stream? stream = null;
        try
        {
            stream = Files.PrivateFiles.Open(temp, FileMode.CreateNew, FileShare.Read, bufferSize: 0);
            stream = wrap is null ? stream : wrap(stream);
            stream.Write(first);
            Sync(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            TryDelete(temp);
            if (e is IOException)
            {
                throw StateWriteException.For(e, what, folder);
            }

            throw;
        }

        try
        {
            File.Move(temp, path, overwrite: false); // link + unlink: fails when the name exists, never replaces it
        }
        catch (IOException e)
        {
            stream.Dispose();
            TryDelete(temp);
            return File.Exists(path) ? null : throw StateWriteException.For(e, what, folder);
        }

        return new AppendOnlyFile(path, stream, first.Length, what);
    }

    /// <summary>Opens an existing file to append after its first <paramref name="length"/> bytes (anything after them is cut first).</summary>
    public static AppendOnlyFile Open(string path, long length, string what)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            if (stream.Length != length)
            {
                stream.SetLength(length);
                Sync(stream);
            }
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw StateWriteException.For(e, what, System.IO.Path.GetDirectoryName(path)!);
        }

        return new AppendOnlyFile(path, stream, length, what);
    }

    /// <summary>Appends <paramref name="bytes"/> whole (fsynced when <paramref name="sync"/>), or throws having written nothing.</summary>
    public void Append(ReadOnlySpan<byte> bytes, bool sync)
    {
        if (TornTail)
        {
            throw Failure!;
        }

        try
        {
            _stream.Position = Length;
            _stream.Write(bytes);
            if (sync)
            {
                Sync(_stream);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Failure = StateWriteException.For(e, _what, System.IO.Path.GetDirectoryName(Path)!);
            Cut();
            throw Failure;
        }

        Length += bytes.Length;
    }

    public void Dispose() => _stream.Dispose();

    private void Cut()
    {
        try
        {
            _stream.SetLength(Length);
            Sync(_stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TornTail = true;
        }
    }

    private static void Sync(Stream stream)
    {
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary name is never read as a journal or a session.
        }
    }
}
