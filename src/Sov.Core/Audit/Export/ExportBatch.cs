namespace Sov.Core.Audit.Export;

/// <summary>Consecutive records of one session, in journal order, and the byte offset just after the last of them.</summary>
public sealed record ExportBatch(string Session, IReadOnlyList<JournalLine> Lines, long EndOffset)
{
    public long FirstSeq => Lines[0].Seq;
    public long LastSeq => Lines[^1].Seq;
}
