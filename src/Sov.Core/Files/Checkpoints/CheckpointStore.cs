using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Where turns' checkpoints live: <c>&lt;state&gt;/checkpoints/&lt;hash of the workspace root&gt;/</c>, one JSON
/// manifest per turn (<c>turns/000001.json</c>) and the before-contents as content-addressed blobs. Every
/// file is written atomically. A running turn keeps a pending record (<c>pending/</c>, see
/// <see cref="PendingRecord"/>) written before each change, so a turn whose process dies is recovered at
/// the next start (<see cref="RecoverInterrupted"/>). <c>sov undo</c> pops the newest turn.
/// </summary>
public sealed class CheckpointStore
{
    public CheckpointStore(string stateDirectory, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(stateDirectory);
        Workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspace.Root)))[..16];
        Directory = Path.Combine(stateDirectory, "checkpoints", key);
    }

    public Workspace Workspace { get; }

    public string Directory { get; }

    private string TurnsDir => Path.Combine(Directory, "turns");

    private string BlobsDir => Path.Combine(Directory, "blobs");

    internal string PendingDir => Path.Combine(Directory, "pending");

    /// <summary>Sovereign's own folders in the store, where a killed write may have left a temporary file.</summary>
    internal IEnumerable<string> OwnFolders => [TurnsDir, BlobsDir, PendingDir];

    /// <summary>Starts recording a turn; its pending record is created on its first change.</summary>
    public TurnCheckpoint BeginTurn(string? session = null) => new(this, session);

    /// <summary>
    /// Stores every turn whose process ended mid-turn as an interrupted checkpoint (newest last, so
    /// <c>sov undo</c> restores it first) and removes the temporary files such a process left in the
    /// folders it wrote to. Turns still running in another process are left alone.
    /// </summary>
    public IReadOnlyList<InterruptedTurn> RecoverInterrupted() => Recovery.Run(this);

    internal string PutBlob(ReadOnlySpan<byte> content)
    {
        var hash = FileSnapshot.Hash(content);
        var path = Path.Combine(BlobsDir, hash);
        if (!File.Exists(path))
        {
            PrivateFiles.CreateDirectory(BlobsDir);
            AtomicFile.Write(path, content, createMode: PrivateFiles.File600);
        }

        return hash;
    }

    /// <summary>
    /// The blob named <paramref name="hash"/>, or null when the name is not a SHA-256 (a manifest naming
    /// <c>/etc/shadow</c> or <c>../x</c>), the blob is absent, or its bytes no longer hash to its name.
    /// </summary>
    internal byte[]? GetBlob(string hash)
    {
        if (hash is not { Length: 64 } || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = Path.Combine(BlobsDir, hash);
        if (!File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        return FileSnapshot.Hash(bytes) == hash ? bytes : null;
    }

    /// <summary>
    /// Stores a turn's manifest under the next free number: written and fsynced under a temporary name,
    /// then renamed only if the number is still free (two sessions ending turns at once never overwrite).
    /// </summary>
    internal long Save(IReadOnlyList<CheckpointEntry> entries, string? turn = null, string? session = null, bool interrupted = false)
    {
        PrivateFiles.CreateDirectory(TurnsDir);
        for (var attempt = 0; ; attempt++)
        {
            var sequence = LatestSequence() + 1;
            var manifest = new CheckpointManifest(Workspace.Root, sequence, DateTimeOffset.UtcNow, entries, turn, session, interrupted);
            var json = JsonSerializer.SerializeToUtf8Bytes(manifest, CheckpointJsonContext.Default.CheckpointManifest);
            var temp = Path.Combine(TurnsDir, AtomicFile.TempName("manifest.json"));
            using (var stream = PrivateFiles.Open(temp, FileMode.CreateNew, FileShare.None))
            {
                stream.Write(json);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, ManifestPath(sequence), overwrite: false);
                return sequence;
            }
            catch (IOException) when (attempt < 100)
            {
                File.Delete(temp); // the number was taken meanwhile (or the temporary file was swept): try the next
            }
        }
    }

    /// <summary>Whether a stored manifest names <paramref name="turn"/> (its turn ended, or was recovered already).</summary>
    internal bool HasTurn(string turn) =>
        System.IO.Directory.Exists(TurnsDir) && System.IO.Directory.EnumerateFiles(TurnsDir, "*.json").Any(path =>
        {
            try
            {
                return JsonSerializer.Deserialize(File.ReadAllBytes(path), CheckpointJsonContext.Default.CheckpointManifest)?.Turn == turn;
            }
            catch (JsonException)
            {
                return false;
            }
        });

    private long LatestSequence() =>
        !System.IO.Directory.Exists(TurnsDir) ? 0 : System.IO.Directory.EnumerateFiles(TurnsDir, "*.json")
            .Select(p => long.TryParse(Path.GetFileNameWithoutExtension(p), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();

    /// <summary>The newest turn's manifest, or null when there is nothing to undo.</summary>
    public CheckpointManifest? Latest()
    {
        if (!System.IO.Directory.Exists(TurnsDir))
        {
            return null;
        }

        var newest = System.IO.Directory.EnumerateFiles(TurnsDir, "*.json").Order(StringComparer.Ordinal).LastOrDefault();
        return newest is null
            ? null
            : JsonSerializer.Deserialize(File.ReadAllBytes(newest), CheckpointJsonContext.Default.CheckpointManifest);
    }

    /// <summary>Every stored turn's manifest, oldest first (unreadable ones left out).</summary>
    public IEnumerable<CheckpointManifest> Manifests()
    {
        if (!System.IO.Directory.Exists(TurnsDir))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(TurnsDir, "*.json").Order(StringComparer.Ordinal))
        {
            CheckpointManifest? manifest;
            try
            {
                manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), CheckpointJsonContext.Default.CheckpointManifest);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                continue;
            }

            if (manifest is not null)
            {
                yield return manifest;
            }
        }
    }

    internal void Remove(long sequence) => File.Delete(ManifestPath(sequence));

    private string ManifestPath(long sequence) =>
        Path.Combine(TurnsDir, sequence.ToString("D6", CultureInfo.InvariantCulture) + ".json");
}
