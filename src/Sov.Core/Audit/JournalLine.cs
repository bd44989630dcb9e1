namespace Sov.Core.Audit;

/// <summary>One record as stored: its exact text and the fields audit commands look up.</summary>
public sealed record JournalLine(string Text, long Seq, string Type, string Ts, string Hash, string? BodySha256);
