namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// A turn whose process ended before the turn did (killed, crashed, power lost), found at the next start and
/// stored as an ordinary checkpoint (so <c>sov undo</c> restores it): the files it changed or was about to
/// change, and the session it belonged to when known.
/// </summary>
public sealed record InterruptedTurn(string Turn, string? Session, long Sequence, IReadOnlyList<string> Paths);
