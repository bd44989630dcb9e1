namespace Sov.Core.Agent.Submissions;

/// <summary>Undo the last turn's file changes (its room is not built yet: answered with a warning).</summary>
public sealed record Undo : Submission;
