using System.Text;
using System.Text.Json;
using Sov.Core.Audit.Records;

namespace Sov.Core.Audit;

/// <summary>
/// Checks how the sessions of one journal folder chain to each other (#20, see <see cref="JournalAnchor"/>): every
/// session that names a predecessor must find that session's journal beside it holding the named record (seq and hash);
/// no two sessions may follow the same one; the anchor file must name a session that is there, unchanged, and that
/// nothing follows. So deleting any session but the newest is caught by its successor, and deleting the newest by the
/// anchor. What it cannot see: the newest sessions deleted <em>and</em> the anchor moved back (or deleted) with them,
/// a folder emptied whole, a session a journal from before #20 stood alone; compare with an anchored <c>sov audit head</c>.
/// </summary>
public static class JournalChain
{
    /// <summary>One problem with the chain, naming the session it is about.</summary>
    public sealed record Problem(string Session, string Text);

    public static IReadOnlyList<Problem> Check(string journalDir)
    {
        var sessions = JournalFiles.Sessions(journalDir);
        var present = sessions.ToHashSet(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var followed = new Dictionary<string, string>(StringComparer.Ordinal);
        var chained = false;
        var roots = new List<string>(); // a folder's chain begins once (prev_session null): the first session started
        foreach (var id in sessions)
        {
            if (First(JournalFiles.PathOf(journalDir, id)) is not { Chained: true } first)
            {
                continue;
            }

            chained = true;
            if (first.After is not { } after)
            {
                roots.Add(id);
                continue;
            }

            if (followed.TryGetValue(after.Session, out var other))
            {
                problems.Add(new(id, $"follows session {after.Session}, as {other} does: the chain forked (a start crashed before it moved the anchor, or sessions were copied in)"));
            }
            else
            {
                followed[after.Session] = id;
            }

            if (!present.Contains(after.Session))
            {
                problems.Add(new(id, $"follows session {after.Session}, whose journal is missing: it was deleted or moved"));
            }
            else if (!HasRecord(JournalFiles.PathOf(journalDir, after.Session), after.Seq, after.Hash))
            {
                problems.Add(new(id, $"follows session {after.Session} at seq {after.Seq}, but {after.Session} has no such record with that hash: it was cut, altered or replaced"));
            }
        }

        var ordered = roots.OrderBy(r => JournalFiles.StartOf(JournalFiles.PathOf(journalDir, r)) ?? DateTimeOffset.MaxValue).ThenBy(r => r, StringComparer.Ordinal).ToList();
        problems.AddRange(ordered.Skip(1).Select(r =>
            new Problem(r, $"begins a chain of its own, though {ordered[0]} began this folder's chain: the sessions before it were deleted or moved, or it was copied in")));
        problems.AddRange(Anchor(journalDir, present, followed, chained));
        return problems;
    }

    private static IEnumerable<Problem> Anchor(string journalDir, HashSet<string> present, Dictionary<string, string> followed, bool chained)
    {
        if (JournalAnchor.Read(journalDir) is not var (newest, firstHash))
        {
            if (chained)
            {
                yield return new(JournalAnchor.FileName, $"the anchor file {JournalAnchor.FileName} is missing or unreadable while sessions are chained: the newest session may have been deleted with it");
            }

            yield break;
        }

        if (!present.Contains(newest))
        {
            yield return new(newest, $"the newest session {newest} (named by the anchor file {JournalAnchor.FileName}) is missing: it was deleted or moved");
        }
        else if (First(JournalFiles.PathOf(journalDir, newest))?.Hash != firstHash)
        {
            yield return new(newest, $"the newest session {newest} does not begin with the record the anchor file {JournalAnchor.FileName} names: it was replaced");
        }
        else if (followed.TryGetValue(newest, out var next))
        {
            yield return new(newest, $"the anchor file {JournalAnchor.FileName} names {newest} as the newest session, but {next} follows it: the anchor was moved back");
        }
    }

    /// <summary>True when the journal holds a line with that seq whose stated hash is <paramref name="hash"/>.</summary>
    private static bool HasRecord(string path, long seq, string hash)
    {
        try
        {
            var prefix = Encoding.ASCII.GetBytes($"{{\"seq\":{seq.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
            foreach (var line in File.ReadLines(path))
            {
                var bytes = Encoding.UTF8.GetBytes(line);
                if (bytes.AsSpan().StartsWith(prefix) && ChainHash.TrySplit(bytes, out _, out var stated) && stated == hash)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }

    private sealed record FirstRecord(string Hash, bool Chained, ChainLink? After);

    /// <summary>What a journal's first record says about its place in the chain; null when it cannot be read.</summary>
    private static FirstRecord? First(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            if (reader.ReadLine() is not { } line || !ChainHash.TrySplit(Encoding.UTF8.GetBytes(line), out _, out var hash))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty(SessionRecord.PrevSession, out var prev))
            {
                return new FirstRecord(hash, false, null);
            }

            return prev.ValueKind == JsonValueKind.String
                && root.TryGetProperty("prev_session_seq", out var seq) && seq.TryGetInt64(out var n)
                && root.TryGetProperty("prev_session_hash", out var h) && h.ValueKind == JsonValueKind.String
                ? new FirstRecord(hash, true, new ChainLink(prev.GetString()!, n, h.GetString()!))
                : new FirstRecord(hash, true, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
