namespace Sov.Core.Agent.Submissions;

/// <summary>Undo the last turn's file changes from its checkpoint; answered by an <see cref="Events.UndoCompleted"/>.</summary>
public sealed record Undo : Submission;
