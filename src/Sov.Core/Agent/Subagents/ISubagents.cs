using Sov.Core.Tools;

namespace Sov.Core.Agent.Subagents;

/// <summary>What the <c>task</c> tool uses to start a child session (set on the tool context by the agent session).</summary>
public interface ISubagents
{
    /// <summary>Runs agent <paramref name="agent"/> (null: <c>general</c>) on <paramref name="prompt"/> for tool call <paramref name="callId"/>; its final answer, bounded, is the output.</summary>
    Task<ToolOutput> RunAsync(string callId, string? agent, string description, string prompt, CancellationToken cancellationToken);
}
