namespace Sov.Core.Agent.Submissions;

/// <summary>Stop the running turn: cancels the in-flight request and running tools; the conversation stays usable.</summary>
public sealed record Interrupt : Submission;
