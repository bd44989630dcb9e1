namespace Sov.Core.Agent.Submissions;

/// <summary>The person's message; starts a turn.</summary>
public sealed record UserTurn(string Text) : Submission;
