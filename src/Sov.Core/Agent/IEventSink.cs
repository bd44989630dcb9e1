using Sov.Core.Agent.Events;

namespace Sov.Core.Agent;

/// <summary>
/// A consumer the session itself feeds, beside the front end that reads <see cref="AgentSession.Events"/>: the journal
/// (#14: the stream's fourth consumer, subscribed at construction rather than fed by each front end).
/// Called on the thread that emits, in emit order per thread; it must be thread-safe.
/// </summary>
public interface IEventSink
{
    void Record(AgentEvent agentEvent);

    /// <summary>The person answered <paramref name="request"/> (an Approve or Deny submission).</summary>
    void RecordAnswer(ApprovalRequested request, bool approved);
}
