namespace Sov.Core.Audit;

/// <summary>
/// The verdict on one session's journal. <see cref="Ok"/> only when every link holds and the last record
/// is a seal. Otherwise <see cref="FirstBadSeq"/> is the first sequence number that is wrong or missing
/// (for an unsealed journal: the seq where the seal should have been) and <see cref="Problem"/> says why.
/// </summary>
public sealed record JournalVerification(
    string Session,
    long Records,
    bool Intact,
    bool Sealed,
    long? FirstBadSeq,
    string? Problem,
    string HeadHash,
    long PartialTailBytes)
{
    public bool Ok => Intact && Sealed && BodyProblem is null && KeyProblem is null;

    /// <summary>A request body the journal names that is missing or altered (<see cref="JournalContents"/>); null when all are there.</summary>
    public string? BodyProblem { get; init; }

    /// <summary>Request bodies checked against their hashes, and those listed as deliberately pruned.</summary>
    public int BodiesChecked { get; init; }

    public int BodiesPruned { get; init; }

    /// <summary>Segments checked: 1, plus one per continuation (<c>resume</c> record, #14).</summary>
    public long Segments { get; init; }

    /// <summary>The key id the last seal is keyed with (#20); null when it is unkeyed.</summary>
    public string? KeyId { get; init; }

    /// <summary>True when a key was given and every seal keyed with it carries its MAC, the last one included.</summary>
    public bool KeyChecked { get; init; }

    /// <summary>With a key given: the last seal is unkeyed or keyed with another key; null otherwise.</summary>
    public string? KeyProblem { get; init; }

    /// <summary>Intact up to a missing seal (perhaps with one partial last line): what --repair may seal.</summary>
    public bool Repairable => Intact && !Sealed && Records > 0;
}
