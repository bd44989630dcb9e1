using Sov.Core.Agent;
using Sov.Core.Agent.Events;

namespace Sov.Tests.Agent.Subagents;

/// <summary>Counts the subagents started, as the session emits (not as a front end reads).</summary>
internal sealed class CountingSink : IEventSink
{
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public void Record(AgentEvent agentEvent)
    {
        if (agentEvent is SubagentStarted)
        {
            Interlocked.Increment(ref _started);
        }
    }

    public void RecordAnswer(ApprovalRequested request, bool approved)
    {
    }
}
