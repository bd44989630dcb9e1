using System.Security.Cryptography;
using Sov.Core.Config;

namespace Sov.Core.Audit;

/// <summary>
/// The secret that keys a journal's seals (#20, <c>[audit] seal_key_file</c>). A keyed seal carries <c>key_id</c> (the
/// first 16 hex digits of the key's SHA-256, so a verifier can tell which key) and <c>mac</c>: the HMAC-SHA256, as hex,
/// of the seal's body as the hash chain covers it (<c>seq</c>, <c>ts</c>, <c>type</c>, its fields with <c>key_id</c>,
/// and <c>prev</c>) written without the <c>mac</c> member itself. <c>prev</c> is the hash of the record before, which
/// chains every earlier record: someone who edits a record and recomputes every hash cannot make the MAC match without
/// the key. The key file must hold at least 32 bytes and be readable only by its owner.
/// </summary>
public sealed class SealKey
{
    public const int MinBytes = 32;

    private readonly byte[] _key;

    public SealKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinBytes)
        {
            throw new ArgumentException($"a seal key needs at least {MinBytes} bytes", nameof(key));
        }

        _key = key.ToArray();
        Id = Convert.ToHexStringLower(SHA256.HashData(_key))[..16];
    }

    /// <summary>A short public name of the key (not the key): the first 16 hex digits of its SHA-256.</summary>
    public string Id { get; }

    /// <summary>The MAC of a seal's body written without <c>mac</c>.</summary>
    public string Mac(ReadOnlySpan<byte> unkeyedBody) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, unkeyedBody));

    /// <summary>True when <paramref name="mac"/> (hex) is this key's MAC of the body (compared in constant time).</summary>
    public bool Matches(ReadOnlySpan<byte> unkeyedBody, string mac) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Mac(unkeyedBody)), System.Text.Encoding.ASCII.GetBytes(mac));

    /// <summary>
    /// The body a keyed seal's MAC covers: the seal's body without its <c>,"mac":"…"</c> member, which the journal writes
    /// right before <c>prev</c>; null when the body does not end that way.
    /// </summary>
    public static byte[]? UnkeyedBody(ReadOnlySpan<byte> body)
    {
        var prevLength = ",\"prev\":\"".Length + 64 + 1;
        var macLength = ",\"mac\":\"".Length + 64 + 1;
        if (body.Length < prevLength + macLength)
        {
            return null;
        }

        var at = body.Length - prevLength - macLength;
        if (!body[at..].StartsWith(",\"mac\":\""u8) || !body[(body.Length - prevLength)..].StartsWith(",\"prev\":\""u8))
        {
            return null;
        }

        return [.. body[..at], .. body[(body.Length - prevLength)..]];
    }

    /// <summary>
    /// Reads a key file; a missing or unreadable file, one shorter than 32 bytes, or one the group or others may read or
    /// write is refused (exit 3) without using it.
    /// </summary>
    public static SealKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                const UnixFileMode Shared = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
                if ((mode & Shared) != 0)
                {
                    throw new ConfigException($"The seal key file {path} is open to the group or others (mode {Convert.ToString((int)mode, 8)}): it is not used.",
                        $"Make it private: 'chmod 600 {path}' (a key others can read seals nothing).");
                }
            }

            var bytes = File.ReadAllBytes(path);
            return bytes.Length >= MinBytes ? new SealKey(bytes)
                : throw new ConfigException($"The seal key file {path} holds {bytes.Length} bytes; a seal key needs at least {MinBytes} random bytes.",
                    $"Make one: 'head -c 32 /dev/urandom > {path} && chmod 600 {path}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot read the seal key file {path}: {PlainErrors.Describe(e)}",
                "Check [audit] seal_key_file in config.toml (or --key), or make the file readable by you.");
        }
    }
}
