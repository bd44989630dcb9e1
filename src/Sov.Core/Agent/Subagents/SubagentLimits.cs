namespace Sov.Core.Agent.Subagents;

/// <summary>The bounds on subagents: how many run at once, how much of a child's answer returns, how long a child may go on.</summary>
public sealed record SubagentLimits
{
    /// <summary>Children running at once (read-only ones; a child that may write runs alone).</summary>
    public int MaxParallel { get; init; } = 3;

    /// <summary>The most UTF-8 bytes of a child's final answer that return to the parent; longer ones are cut and say so.</summary>
    public int MaxResultBytes { get; init; } = 16 * 1024;

    /// <summary>The most model requests one child may make.</summary>
    public int MaxRequests { get; init; } = 20;
}
