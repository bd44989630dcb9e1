using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Where turns' checkpoints live: <c>&lt;state&gt;/checkpoints/&lt;hash of the workspace root&gt;/</c>, one JSON
/// manifest per turn (<c>turns/000001.json</c>) and the before-contents as content-addressed blobs. Every
/// file is written atomically. <c>sov undo</c> pops the newest turn.
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

    /// <summary>Starts recording a turn; nothing is written until <see cref="TurnCheckpoint.Commit"/>.</summary>
    public TurnCheckpoint BeginTurn() => new(this);

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

    internal void Save(IReadOnlyList<CheckpointEntry> entries)
    {
        PrivateFiles.CreateDirectory(TurnsDir);
        var sequence = Latest()?.Sequence + 1 ?? 1;
        var manifest = new CheckpointManifest(Workspace.Root, sequence, DateTimeOffset.UtcNow, entries);
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, CheckpointJsonContext.Default.CheckpointManifest);
        AtomicFile.Write(ManifestPath(sequence), json, createMode: PrivateFiles.File600);
    }

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

    internal void Remove(long sequence) => File.Delete(ManifestPath(sequence));

    private string ManifestPath(long sequence) =>
        Path.Combine(TurnsDir, sequence.ToString("D6", CultureInfo.InvariantCulture) + ".json");
}
