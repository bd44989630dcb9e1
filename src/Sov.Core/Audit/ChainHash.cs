using System.Security.Cryptography;
using System.Text;

namespace Sov.Core.Audit;

/// <summary>
/// The byte layout that makes the journal tamper-evident. A line is
/// <c>{"seq":N,"ts":…,"type":…,…,"prev":"P"</c> (the <em>body</em>) followed by
/// <c>,"hash":"H"}</c> and a newline, where H is the SHA-256 of the body's exact UTF-8 bytes and P is the
/// previous line's H (64 zeros for the first line). No canonicalisation: the hash covers the bytes on disk.
/// </summary>
public static class ChainHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly byte[] HashPrefix = Encoding.ASCII.GetBytes(",\"hash\":\"");

    /// <summary>Length of the <c>,"hash":"…"}</c> suffix.</summary>
    public static int SuffixLength => HashPrefix.Length + 64 + 2;

    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The whole line (with its newline) for a body.</summary>
    public static byte[] Line(ReadOnlySpan<byte> body, out string hash)
    {
        hash = Of(body);
        var line = new byte[body.Length + SuffixLength + 1];
        body.CopyTo(line);
        var at = body.Length;
        HashPrefix.CopyTo(line, at);
        at += HashPrefix.Length;
        Encoding.ASCII.GetBytes(hash, line.AsSpan(at));
        at += 64;
        line[at++] = (byte)'"';
        line[at++] = (byte)'}';
        line[at] = (byte)'\n';
        return line;
    }

    /// <summary>Splits a line (without its newline) into body and stated hash; false when the suffix is malformed.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> body, out string statedHash)
    {
        body = default;
        statedHash = "";
        if (line.Length < SuffixLength + 2 || line[^1] != (byte)'}' || line[^2] != (byte)'"')
        {
            return false;
        }

        var suffix = line[^SuffixLength..];
        if (!suffix.StartsWith(HashPrefix))
        {
            return false;
        }

        var hex = suffix.Slice(HashPrefix.Length, 64);
        foreach (var b in hex)
        {
            if (!char.IsAsciiHexDigitLower((char)b))
            {
                return false;
            }
        }

        body = line[..^SuffixLength];
        statedHash = Encoding.ASCII.GetString(hex);
        return true;
    }
}
