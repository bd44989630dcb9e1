namespace Sov.Core.Agent.Events;

/// <summary>
/// A <c>task</c> call (<paramref name="CallId"/>) started child <paramref name="ChildId"/>: which agent, the short
/// description the model gave, the tools the child has, and the file the agent was defined in (null: built in).
/// </summary>
public sealed record SubagentStarted(string ChildId, string CallId, string Agent, string Description, IReadOnlyList<string> Tools, string? Source) : AgentEvent
{
    /// <summary>Equal by content (the tool list too), as an event read back from its JSON line is.</summary>
    public bool Equals(SubagentStarted? other) =>
        other is not null && base.Equals(other) && ChildId == other.ChildId && CallId == other.CallId && Agent == other.Agent
        && Description == other.Description && Source == other.Source && Tools.SequenceEqual(other.Tools);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ChildId, CallId, Agent, Description, Source, Tools.Count);
}
