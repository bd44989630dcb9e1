using System.Text.Json.Serialization;
using Sov.Core.Files.Checkpoints;

namespace Sov.Core.Agent.Events;

/// <summary>
/// A <c>Rewind</c> submission ended (#17): the conversation is back to before turn <paramref name="Turn"/> (the
/// <paramref name="Turn"/>-th prompt of the conversation), <paramref name="MessagesRemoved"/> messages fewer. When the files
/// were asked for too (<paramref name="Files"/>), the rewound turns' files <paramref name="Restored"/>, <paramref name="Removed"/>
/// (those turns created them) and <paramref name="Skipped"/> (left alone, with why). <paramref name="Note"/> is what the model
/// is told with the next prompt (files the rewound turns changed that were left as they are), <paramref name="Message"/> why it failed.
/// </summary>
public sealed record RewindCompleted(RewindOutcome Outcome, int Turn, int MessagesRemoved, bool Files, IReadOnlyList<string> Restored,
    IReadOnlyList<string> Removed, IReadOnlyList<string> Skipped, string? Note, string? Message) : AgentEvent
{
    /// <summary>Each checkpoint undone, newest first (hashes before and after), for the journal; not on the wire.</summary>
    [JsonIgnore]
    public IReadOnlyList<UndoReport> Reports { get; init; } = [];

    public static RewindCompleted Failed(int turn, string message) => new(RewindOutcome.Failed, turn, 0, false, [], [], [], null, message);

    /// <summary>Equal by content (the lists too), as an event read back from its JSON line is.</summary>
    public bool Equals(RewindCompleted? other) =>
        other is not null && base.Equals(other) && Outcome == other.Outcome && Turn == other.Turn && MessagesRemoved == other.MessagesRemoved
        && Files == other.Files && Note == other.Note && Message == other.Message
        && Restored.SequenceEqual(other.Restored) && Removed.SequenceEqual(other.Removed) && Skipped.SequenceEqual(other.Skipped);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Outcome, Turn, MessagesRemoved, Note, Message, Restored.Count, Skipped.Count);
}
