using System.Collections.Concurrent;
using Sov.Core.Agent.Events;
using Sov.Core.Audit;

namespace Sov.Core.Agent;

/// <summary>
/// The approvals a session waits for, by call id: each is emitted as an <see cref="ApprovalRequested"/> event and
/// completes when Approve or Deny for its call id arrives (or the turn is cancelled). The sink hears every answer.
/// </summary>
internal sealed class PendingApprovals(Action<AgentEvent> emit, IEventSink? sink)
{
    private readonly ConcurrentDictionary<string, (ApprovalRequested Request, TaskCompletionSource<(bool Approved, string? Reason, string? Mode)> Answer)> _pending =
        new(StringComparer.Ordinal);

    public async Task<(bool Approved, string? Reason)> AskAsync(ApprovalRequested request, CancellationToken cancellationToken)
    {
        var (approved, reason, _) = await AskWithModeAsync(request, cancellationToken).ConfigureAwait(false);
        return (approved, reason);
    }

    /// <summary>Asks, and answers with the mode an Approve named too (a plan's, #17).</summary>
    public async Task<(bool Approved, string? Reason, string? Mode)> AskWithModeAsync(ApprovalRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = new TaskCompletionSource<(bool Approved, string? Reason, string? Mode)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.CallId] = (request, answer);
        emit(request);
        try
        {
            return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(request.CallId, out _);
        }
    }

    public void Answer(string callId, bool approved, string? reason, string? mode = null)
    {
        if (!_pending.TryGetValue(callId, out var pending))
        {
            emit(new Warning($"No tool call {callId} is waiting for approval."));
            return;
        }

        try
        {
            sink?.RecordAnswer(pending.Request, approved);
        }
        catch (StateWriteException)
        {
            // The journal keeps its failure (the front end stops on it). An approval it could not record is not acted on:
            // Sovereign does not act unjournaled. A denial still reaches the waiting call as it was.
            if (approved)
            {
                approved = false;
                reason = "the journal could not be written, so the approval was not recorded and the call does not run";
            }
        }

        pending.Answer.TrySetResult((approved, reason, mode));
    }
}
