using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// Re-derives every hash of a journal from its bytes and checks each link: the line's layout, its hash,
/// <c>seq</c> counting 1, 2, 3…, <c>prev</c> equal to the previous line's hash, a <c>session</c> record first and a
/// <c>seal</c> record last and only last. An edited byte, a deleted, inserted or reordered line, a
/// truncated tail or a missing seal each stop it at the first bad sequence number.
/// </summary>
public static class JournalVerifier
{
    /// <summary>
    /// Verifies the journal file: the chain, that its session record names the session the file is named for,
    /// and that every request body it names is in the body store beside it and hashes right.
    /// </summary>
    public static JournalVerification Verify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var session = Path.GetFileNameWithoutExtension(path);
        var bytes = File.ReadAllBytes(path);
        var result = Verify(session, bytes);
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

    public static JournalVerification Verify(string session, ReadOnlySpan<byte> bytes)
    {
        var prev = ChainHash.Genesis;
        long records = 0;
        var sealedAt = 0L;
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
                    prev, rest.Length);
            }

            var line = rest[..newline];
            rest = rest[(newline + 1)..];
            if (sealedAt != 0)
            {
                return Bad(session, records, expected, $"seq {expected}: a record after the seal at seq {sealedAt}", prev);
            }

            var problem = Check(line, expected, prev, out var hash, out var type);
            if (problem is not null)
            {
                return Bad(session, records, expected, problem, prev);
            }

            if (expected == 1 && type != "session")
            {
                return Bad(session, records, 1, "seq 1: the first record is not a session record", prev);
            }

            records = expected;
            prev = hash;
            if (type == "seal")
            {
                sealedAt = expected;
            }
        }

        if (records == 0)
        {
            return Bad(session, 0, 1, "seq 1: the journal is empty", prev);
        }

        return sealedAt != 0
            ? new JournalVerification(session, records, true, true, null, null, prev, 0)
            : new JournalVerification(session, records, true, false, records + 1,
                $"seq {records + 1}: no seal after seq {records}: the session crashed or the tail was cut ('sov audit verify --repair' seals a crashed session, saying so)",
                prev, 0);
    }

    private static JournalVerification Bad(string session, long records, long seq, string problem, string head) =>
        new(session, records, false, false, seq, problem, head, 0);

    private static string? Check(ReadOnlySpan<byte> line, long expected, string prev, out string hash, out string? type)
    {
        hash = "";
        type = null;
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

        return type is null ? $"seq {expected}: the record has no type" : null;
    }
}
