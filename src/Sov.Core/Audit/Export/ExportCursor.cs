namespace Sov.Core.Audit.Export;

/// <summary>
/// What one collector has acknowledged (#20), kept in <c>journal/.export/HASH.json</c>: per session, the offset, seq and
/// hash after its last acknowledged record, and the last acknowledgement overall with its time. A session the cursor
/// does not name is sent from its first record. Advanced only on a 2xx answer, written by atomic rename.
/// </summary>
public sealed record ExportCursor
{
    public string Endpoint { get; init; } = "";
    public DateTimeOffset? AckedAt { get; init; }
    public string? LastSession { get; init; }
    public long LastSeq { get; init; }
    public string? LastHash { get; init; }
    public Dictionary<string, SessionCursor> Sessions { get; init; } = new(StringComparer.Ordinal);

    public long OffsetOf(string session) => Sessions.TryGetValue(session, out var at) ? at.Offset : 0;

    /// <summary>This cursor after <paramref name="batch"/> was acknowledged at <paramref name="now"/>.</summary>
    public ExportCursor After(ExportBatch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sessions = new Dictionary<string, SessionCursor>(Sessions, StringComparer.Ordinal);
        if (batch.Lines.LastOrDefault(l => !UnparseableLine.IsStub(l)) is not { } last)
        {
            // Only stubs for lines that are not records (#20): the offset moves, no record of the chain was acknowledged.
            var was = Sessions.GetValueOrDefault(batch.Session);
            sessions[batch.Session] = new SessionCursor(batch.EndOffset, was?.Seq ?? 0, was?.Hash ?? "");
            return this with { Sessions = sessions };
        }

        sessions[batch.Session] = new SessionCursor(batch.EndOffset, last.Seq, last.Hash);
        return this with { AckedAt = now, LastSession = batch.Session, LastSeq = last.Seq, LastHash = last.Hash, Sessions = sessions };
    }
}
