using System.Text.Json.Serialization;
using Sov.Core.Files.Checkpoints;

namespace Sov.Core.Agent.Events;

/// <summary>
/// An <c>Undo</c> submission ended: the last turn's files <paramref name="Restored"/>, <paramref name="Removed"/> (that turn
/// created them) and <paramref name="Skipped"/> (left alone, with why); <paramref name="Note"/> is what the model is told
/// with the next prompt. <paramref name="Message"/> says why it failed (<see cref="UndoOutcome.Failed"/>).
/// </summary>
public sealed record UndoCompleted(UndoOutcome Outcome, IReadOnlyList<string> Restored, IReadOnlyList<string> Removed,
    IReadOnlyList<string> Skipped, string? Note, string? Message) : AgentEvent
{
    /// <summary>The whole report (hashes before and after, the turn undone), for the journal; not on the wire.</summary>
    [JsonIgnore]
    public UndoReport? Report { get; init; }

    /// <summary>Equal by content (the lists too), as an event read back from its JSON line is.</summary>
    public bool Equals(UndoCompleted? other) =>
        other is not null && base.Equals(other) && Outcome == other.Outcome && Note == other.Note && Message == other.Message
        && Restored.SequenceEqual(other.Restored) && Removed.SequenceEqual(other.Removed) && Skipped.SequenceEqual(other.Skipped);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Outcome, Note, Message, Restored.Count, Removed.Count, Skipped.Count);
}
