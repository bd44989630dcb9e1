using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.Core.Files;

namespace Sov.Core.Audit.Export;

/// <summary>
/// Where a collector's <see cref="ExportCursor"/> lives: <c>journal/.export/H.json</c>, H the first 16 hex digits of the
/// SHA-256 of the endpoint URL, so each collector has its own. Saved by <see cref="AtomicFile"/> (a temporary file,
/// fsync, one rename): a crash leaves the old cursor or the new one, never half of one. <c>H.lock</c> beside it is held
/// (an exclusive lock, released when the process ends, even by a kill) by the one exporter sending to that collector.
/// </summary>
public sealed class ExportCursorStore(string journalDir, Uri endpoint)
{
    public string Folder { get; } = Path.Combine(journalDir, ".export");

    public string PathOf => Path.Combine(Folder, Name + ".json");

    public Uri Endpoint { get; } = endpoint;

    private string Name => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Endpoint.ToString())))[..16];

    /// <summary>The saved cursor, or an empty one when the collector was never sent to.</summary>
    public ExportCursor Load()
    {
        if (!File.Exists(PathOf))
        {
            return new ExportCursor { Endpoint = Endpoint.ToString() };
        }

        try
        {
            return JsonSerializer.Deserialize(Read(), ExportJsonContext.Default.ExportCursor)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new StateWriteException($"The export cursor {PathOf} is not valid ({e.Message}).",
                "Delete it to send every journal to the collector again from its start.", null);
        }
    }

    /// <summary>The file's bytes. A save renames its new file into place while still holding it locked (see
    /// <see cref="AtomicFile"/>), so a read at that moment meets the lock: it waits a moment and reads again.</summary>
    private byte[] Read()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return File.ReadAllBytes(PathOf);
            }
            catch (IOException e) when (FileLocks.IsContention(e) && attempt < 100)
            {
                Thread.Sleep(10);
            }
        }
    }

    public void Save(ExportCursor cursor)
    {
        try
        {
            PrivateFiles.CreateDirectory(Folder);
            AtomicFile.Write(PathOf, JsonSerializer.SerializeToUtf8Bytes(cursor, ExportJsonContext.Default.ExportCursor),
                createMode: PrivateFiles.File600);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateWriteException($"Cannot save the export cursor {PathOf}: {PlainErrors.Describe(e)}",
                "Make the journal folder writable; records stay in the journal and are sent again.", e);
        }
    }

    /// <summary>Takes the collector's sender lock; null while another process (a session, <c>sov audit export --follow</c>) holds it.</summary>
    public IDisposable? TryLock()
    {
        PrivateFiles.CreateDirectory(Folder);
        try
        {
            return PrivateFiles.Open(Path.Combine(Folder, Name + ".lock"), FileMode.OpenOrCreate, FileShare.None, bufferSize: 0);
        }
        catch (IOException e) when (FileLocks.IsContention(e))
        {
            return null;
        }
    }
}
