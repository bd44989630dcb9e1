namespace Sov.Core.Audit;

/// <summary>Where a record landed: its session, sequence number and chain hash.</summary>
public sealed record JournalEntry(string Session, long Seq, string Hash);
