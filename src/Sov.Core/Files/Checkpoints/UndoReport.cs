namespace Sov.Core.Files.Checkpoints;

/// <summary>What <c>sov undo</c> did: files restored, removed (created by the turn), and left alone with why.</summary>
public sealed record UndoReport(IReadOnlyList<string> Restored, IReadOnlyList<string> Removed, IReadOnlyList<string> Skipped);
