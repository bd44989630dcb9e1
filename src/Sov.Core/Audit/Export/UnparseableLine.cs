using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Sov.Core.Audit.Export;

/// <summary>
/// The stand-in the exporter sends for a journal line that is not a record (#20): a log record of type
/// <see cref="Type"/> naming the session, the line's byte offset, its length and the SHA-256 of its raw bytes, so the
/// collector learns that something broken sits there instead of the line being passed over in silence. The raw line
/// itself is not sent (it may be a half-written record holding anything).
/// </summary>
public static class UnparseableLine
{
    public const string Type = "unparseable_line";

    public const string Message = "unparseable journal line";

    /// <summary>True for a stub made here (it carries no seq or hash of the chain).</summary>
    public static bool IsStub(JournalLine line) => line?.Type == Type;

    public static JournalLine Stub(string session, long offset, ReadOnlySpan<byte> raw, DateTimeOffset now)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        var ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", Type);
            w.WriteString("ts", ts);
            w.WriteString("session", session);
            w.WriteNumber("offset", offset);
            w.WriteNumber("length", raw.Length);
            w.WriteString("sha256", sha);
            w.WriteString("message", Message);
            w.WriteEndObject();
        }

        return new JournalLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), 0, Type, ts, "", null);
    }

    /// <summary>The notice the exporting session journals for a stub it sent.</summary>
    public static string Notice(string session, JournalLine stub)
    {
        ArgumentNullException.ThrowIfNull(stub);
        using var doc = JsonDocument.Parse(stub.Text);
        var root = doc.RootElement;
        return $"session {session} has an {Message} at byte {root.GetProperty("offset").GetInt64()} (sha256 {root.GetProperty("sha256").GetString()}): "
            + $"it was sent as a stub; run 'sov audit verify {session}'.";
    }
}
