using System.Security.Cryptography;

namespace Sov.Core.Audit;

/// <summary>
/// Exact request bodies, content-addressed: <c>bodies/ab/abcdef…</c> holds the bytes whose SHA-256 is the
/// file name. A body is stored (written, fsynced, renamed into place) before the request that sends it
/// leaves, and it is the body that actually left: already redacted.
/// </summary>
public sealed class BodyStore(string directory)
{
    public string Directory { get; } = directory;

    public string PathOf(string sha256) => Path.Combine(Directory, sha256[..2], sha256);

    /// <summary>Stores the bytes (once) and returns their lower-case hex SHA-256.</summary>
    public string Put(ReadOnlySpan<byte> body)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var path = PathOf(sha);
        if (File.Exists(path))
        {
            return sha;
        }

        Files.PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp";
        using (var stream = Files.PrivateFiles.Open(temp, FileMode.CreateNew, FileShare.None))
        {
            stream.Write(body);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return sha;
    }

    /// <summary>The stored bytes, or null when absent or when they no longer hash to their name (tampered).</summary>
    public byte[]? TryRead(string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256 ? bytes : null;
    }
}
