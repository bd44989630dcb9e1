namespace Sov.Core.Agent.Submissions;

/// <summary>What a front end may submit to the agent session (DESIGN.md, "The agent protocol").</summary>
public abstract record Submission;
