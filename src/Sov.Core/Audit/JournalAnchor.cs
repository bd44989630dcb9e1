using System.Text;
using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// Chains the sessions of one journal folder to each other (#20). The folder's anchor file (<c>.head</c>) names the
/// session that started last and the hash of its first record. A new session, under the folder's start lock
/// (<see cref="JournalLock.ClaimStart"/>), reads the anchor, takes that session's last complete record as its
/// predecessor (<see cref="ChainLink"/>, written into its <c>session</c> record), creates its journal, then moves the
/// anchor to itself: concurrent starts queue on the lock, so they form one chain and never fork silently.
/// </summary>
public static class JournalAnchor
{
    public const string FileName = ".head";

    /// <summary>The anchor: the newest session and the hash of its first record; null when the folder has none (or it is unreadable).</summary>
    public static (string Session, string FirstHash)? Read(string journalDir)
    {
        var path = Path.Combine(journalDir, FileName);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            return root.TryGetProperty("session", out var s) && s.ValueKind == JsonValueKind.String
                && root.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String
                ? (s.GetString()!, h.GetString()!)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static bool Exists(string journalDir) => File.Exists(Path.Combine(journalDir, FileName));

    /// <summary>Moves the anchor to a session that was just created (all-or-nothing, private to the person).</summary>
    internal static void Write(string journalDir, string session, string firstHash)
    {
        var path = Path.Combine(journalDir, FileName);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("session", session);
            writer.WriteString("hash", firstHash);
            writer.WriteEndObject();
        }

        try
        {
            Files.AtomicFile.Write(path, [.. buffer.WrittenSpan, (byte)'\n'], createMode: UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException e)
        {
            throw StateWriteException.For(e, "journal", path);
        }
    }

    /// <summary>
    /// The predecessor of a session starting now: the session the anchor names (or, in a folder without an anchor, the
    /// newest journal there: a folder from before #20) and its last complete record; null when the folder has no journal.
    /// When the session the anchor names is gone, the new one still names it (at its first record, as the anchor states
    /// it), so the deletion stays visible to <see cref="JournalChain"/> after later sessions.
    /// </summary>
    internal static ChainLink? Predecessor(string journalDir)
    {
        if (Read(journalDir) is var (anchored, firstHash))
        {
            return LastComplete(JournalFiles.PathOf(journalDir, anchored), anchored) ?? new ChainLink(anchored, 1, firstHash);
        }

        var newest = JournalFiles.Newest(journalDir);
        return newest is null ? null : LastComplete(JournalFiles.PathOf(journalDir, newest), newest);
    }

    /// <summary>
    /// The last record of a journal that is whole (ends in a newline and a well-formed hash suffix), as it is now; the
    /// session may still be writing. Null when the file is missing or holds no whole record.
    /// </summary>
    public static ChainLink? LastComplete(string path, string session)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var end = bytes.AsSpan(0, bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
        while (end.Length > 0)
        {
            var line = end[..^1];
            var start = line.LastIndexOf((byte)'\n') + 1;
            if (ChainHash.TrySplit(line[start..], out _, out var hash) && SeqOf(line[start..]) is { } seq)
            {
                return new ChainLink(session, seq, hash);
            }

            end = end[..start];
        }

        return null;
    }

    /// <summary>The <c>seq</c> a line states (the journal writes it first), or null.</summary>
    internal static long? SeqOf(ReadOnlySpan<byte> line)
    {
        var prefix = "{\"seq\":"u8;
        if (!line.StartsWith(prefix))
        {
            return null;
        }

        var digits = line[prefix.Length..];
        var comma = digits.IndexOf((byte)',');
        return comma > 0 && long.TryParse(Encoding.ASCII.GetString(digits[..comma]), System.Globalization.CultureInfo.InvariantCulture, out var seq)
            ? seq
            : null;
    }
}
