using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// Re-derives every hash of a journal from its bytes and checks each link: the line's layout, its hash,
/// <c>seq</c> counting 1, 2, 3…, <c>prev</c> equal to the previous line's hash, a <c>session</c> record first and a
/// <c>seal</c> record last. A continued session (#14) adds segments: each later one opens with a <c>resume</c>
/// record right after the previous segment's seal (chained to it, numbering the segment, naming the same
/// session) and ends with its own seal. An edited byte, a deleted, inserted or reordered line or segment, a
/// truncated tail or a missing seal each stop it at the first bad sequence number. (Cutting whole segments off
/// the end leaves a shorter valid chain, as with any hash chain: compare with an anchored <c>sov audit head</c>.)
/// Anyone who can write the file can also edit a record and recompute every hash after it; a keyed seal
/// (<see cref="SealKey"/>, #20) is what catches that, given the key. How sessions chain to each other is
/// <see cref="JournalChain"/>'s job.
/// </summary>
public static class JournalVerifier
{
    /// <summary>
    /// Verifies the journal file: the chain, that its session record names the session the file is named for,
    /// and that every request body it names is in the body store beside it and hashes right.
    /// </summary>
    /// <param name="key">The seal key (#20): each seal keyed with it must carry its MAC, and the last seal must be keyed
    /// with it. Null: keyed seals are reported by <see cref="JournalVerification.KeyId"/> and not checked.</param>
    public static JournalVerification Verify(string path, SealKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var session = Path.GetFileNameWithoutExtension(path);
        var bytes = File.ReadAllBytes(path);
        var result = Verify(session, bytes, key);
        if (result.Records == 0)
        {
            return result;
        }

        if (JournalContents.SessionNamed(bytes) is { } named && named != session)
        {
            return Bad(session, 0, 1, $"seq 1: the session record names {named}, not {session}: the journal was copied or renamed", ChainHash.Genesis);
        }

        var store = new BodyStore(JournalFiles.BodiesDir(Path.GetDirectoryName(Path.GetFullPath(path))!));
        var (problem, checkedCount, pruned) = JournalContents.CheckBodies(bytes, store);
        return result with { BodyProblem = problem, BodiesChecked = checkedCount, BodiesPruned = pruned };
    }

    public static JournalVerification Verify(string session, ReadOnlySpan<byte> bytes, SealKey? key = null)
    {
        string? keyId = null;
        var prev = ChainHash.Genesis;
        long records = 0;
        var sealedAt = 0L;
        var segments = 0L;
        string? named = null;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var expected = records + 1;
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                // A last line without its newline: the write was cut short (crash) or the file was truncated.
                return new JournalVerification(session, records, sealedAt == 0, false, expected,
                    $"seq {expected}: partial last line ({rest.Length} bytes without a newline): truncated tail or crash mid-write",
                    prev, rest.Length) { Segments = segments };
            }

            var line = rest[..newline];
            rest = rest[(newline + 1)..];
            var problem = Check(line, expected, prev, out var hash, out var fields)
                ?? Segment(fields, expected, sealedAt, segments, named)
                ?? KeyedSeal(line, fields, expected, key);
            if (problem is not null)
            {
                return Bad(session, records, expected, problem, prev) with { Segments = segments };
            }

            if (fields.Type is "session" or Records.ResumeRecord.TypeName)
            {
                named ??= fields.Session;
                segments++;
                sealedAt = 0;
            }

            records = expected;
            prev = hash;
            if (fields.Type == "seal")
            {
                sealedAt = expected;
                keyId = fields.KeyId;
            }
        }

        if (records == 0)
        {
            return Bad(session, 0, 1, "seq 1: the journal is empty", prev);
        }

        return sealedAt != 0
            ? new JournalVerification(session, records, true, true, null, null, prev, 0)
            {
                Segments = segments,
                KeyId = keyId,
                KeyChecked = key is not null && keyId == key.Id,
                KeyProblem = key is null || keyId == key.Id ? null
                    : keyId is null ? $"its last seal (seq {sealedAt}) carries no key MAC: it was sealed without a key, or the MAC was stripped and the hashes recomputed"
                    : $"it is sealed with key {keyId}, not the key given ({key.Id}): the seals were not checked",
            }
            : new JournalVerification(session, records, true, false, records + 1,
                $"seq {records + 1}: no seal after seq {records}: the session crashed or the tail was cut ('sov audit verify --repair' seals a crashed session, saying so)",
                prev, 0) { Segments = segments };
    }

    /// <summary>
    /// Where segments may begin (#14): a <c>session</c> record at seq 1 only; after a seal nothing but a <c>resume</c>
    /// record numbering the next segment and naming the same session; a <c>resume</c> record nowhere else.
    /// </summary>
    private static string? Segment(Fields fields, long expected, long sealedAt, long segments, string? named)
    {
        if (expected == 1)
        {
            return fields.Type == "session" ? null : "seq 1: the first record is not a session record";
        }

        if (fields.Type == "session")
        {
            return $"seq {expected}: a second session record: journals were joined";
        }

        if (fields.Type != Records.ResumeRecord.TypeName)
        {
            return sealedAt != 0 ? $"seq {expected}: a record after the seal at seq {sealedAt}" : null;
        }

        if (sealedAt == 0)
        {
            return $"seq {expected}: a resume record inside a segment (it must follow a seal)";
        }

        if (fields.Segment != segments + 1)
        {
            return $"seq {expected}: the resume record numbers segment {fields.Segment?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, not {segments + 1}: a segment was deleted or reordered";
        }

        return fields.Session != named
            ? $"seq {expected}: the resume record names session {fields.Session}, not {named}: journals were joined"
            : null;
    }

    /// <summary>A seal keyed with the key given must carry that key's MAC over its chain position (#20).</summary>
    private static string? KeyedSeal(ReadOnlySpan<byte> line, Fields fields, long expected, SealKey? key)
    {
        if (fields.Type != "seal" || key is null || fields.KeyId != key.Id)
        {
            return null;
        }

        ChainHash.TrySplit(line, out var body, out _);
        return fields.Mac is not null && SealKey.UnkeyedBody(body) is { } unkeyed && key.Matches(unkeyed, fields.Mac)
            ? null
            : $"seq {expected}: the seal's MAC does not match under key {key.Id}: a record up to it was altered and the hashes recomputed";
    }

    private static JournalVerification Bad(string session, long records, long seq, string problem, string head) =>
        new(session, records, false, false, seq, problem, head, 0);

    private static string? Check(ReadOnlySpan<byte> line, long expected, string prev, out string hash, out Fields fields)
    {
        hash = "";
        fields = default;
        string? type = null;
        string? session = null;
        string? keyId = null;
        string? mac = null;
        long? segment = null;
        if (!ChainHash.TrySplit(line, out var body, out var stated))
        {
            return $"seq {expected}: the line is malformed (no valid hash suffix): edited or cut";
        }

        hash = ChainHash.Of(body);
        if (hash != stated)
        {
            return $"seq {expected}: hash mismatch: the record was edited";
        }

        long? seq = null;
        string? statedPrev = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return $"seq {expected}: not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "seq" when reader.TokenType == JsonTokenType.Number:
                        seq = reader.GetInt64();
                        break;
                    case "type" when reader.TokenType == JsonTokenType.String:
                        type = reader.GetString();
                        break;
                    case "session" when reader.TokenType == JsonTokenType.String:
                        session = reader.GetString();
                        break;
                    case "segment" when reader.TokenType == JsonTokenType.Number:
                        segment = reader.GetInt64();
                        break;
                    case "key_id" when reader.TokenType == JsonTokenType.String:
                        keyId = reader.GetString();
                        break;
                    case "mac" when reader.TokenType == JsonTokenType.String:
                        mac = reader.GetString();
                        break;
                    case "prev" when reader.TokenType == JsonTokenType.String:
                        statedPrev = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return $"seq {expected}: the line is not valid JSON";
        }

        if (seq != expected)
        {
            return $"seq {expected}: found seq {seq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}: a line was deleted, inserted or reordered";
        }

        if (statedPrev != prev)
        {
            return $"seq {expected}: prev does not match the hash of seq {expected - 1}: the chain is broken";
        }

        fields = new Fields(type, session, segment, keyId, mac);
        return type is null ? $"seq {expected}: the record has no type" : null;
    }

    private readonly record struct Fields(string? Type, string? Session, long? Segment, string? KeyId = null, string? Mac = null);
}
