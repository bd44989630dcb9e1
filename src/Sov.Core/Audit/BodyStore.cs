using System.Security.Cryptography;

namespace Sov.Core.Audit;

/// <summary>
/// Exact request bodies, content-addressed: <c>bodies/ab/abcdef…</c> holds the bytes whose SHA-256 is the
/// file name. A body is stored (written, fsynced, renamed into place) before the request that sends it
/// leaves, and it is the body that actually left: already redacted. A body that cannot be stored whole is
/// not stored at all (<see cref="StateWriteException"/>).
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

        var temp = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp";
        try
        {
            Files.PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = Files.PrivateFiles.Open(temp, FileMode.CreateNew, FileShare.None))
            {
                stream.Write(body);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (IOException e)
        {
            // A full disk must not leave a partial body behind (#13.1); the request it belongs to is not sent.
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // best effort
            }

            throw StateWriteException.For(e, "request body", Directory);
        }

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
