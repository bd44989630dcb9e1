using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Cli.Interactive;
using Sov.Cli.Session;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Audit.Records;
using Sov.Core.Permissions;

namespace Sov.Cli.Acp;

/// <summary>
/// One editor session: the session builder's session (<see cref="SessionWiring"/>, journaled as <c>kind: acp</c>) with
/// the interactive permission gate, its file under the one id, and a pump that turns every event into
/// <c>session/update</c>s and every approval into <c>session/request_permission</c> (<see cref="AcpApprovals"/>). One
/// prompt at a time; <c>session/cancel</c> interrupts it and the prompt answers <c>cancelled</c>.
/// </summary>
internal sealed class AcpSession : IAsyncDisposable
{
    private readonly PreparedAgent _agent;
    private readonly WiredSession _wired;
    private readonly SessionStore _store;
    private readonly RpcConnection _connection;
    private readonly AcpUpdates _updates;
    private readonly AcpApprovals _approvals;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _pump;
    private TaskCompletionSource<TurnCompleted>? _turn;
    private CancellationTokenSource? _turnCancel;
    private bool _cancelled;

    public AcpSession(PreparedAgent agent, WiredSession wired, SessionStore store, RpcConnection connection)
    {
        _agent = agent;
        _wired = wired;
        _store = store;
        _connection = connection;
        Id = store.Id;
        _updates = new AcpUpdates(wired.Tools, agent.Workspace, wired.Borders.Services.Todos);
        _approvals = new AcpApprovals(Id, (InteractivePermissionGate)wired.Gate, _updates, connection) { EditorTerminal = wired.Borders.Gate.Policy.EditorTerminal };
        _pump = Task.Run(() => PumpAsync(_closing.Token), CancellationToken.None);
    }

    public string Id { get; }

    public PreparedAgent Agent => _agent;

    public WiredSession Wired => _wired;

    /// <summary>The permission modes offered (only those the managed policy's <c>max_mode</c> and the sandbox allow), and the one in effect.</summary>
    public SessionModeState Modes => AcpModes.Offered(Gate.Mode, _wired.Borders.Gate.Policy);

    private InteractivePermissionGate Gate => (InteractivePermissionGate)_wired.Gate;

    /// <summary>Runs one prompt to its end; a second while one runs is refused (the protocol's invalid-request error).</summary>
    public async Task<PromptResult> PromptAsync(string text, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource<TurnCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_turn is not null)
            {
                throw new RpcException(RpcCodes.InvalidRequest, $"A prompt is already running in session {Id}; wait for it or send session/cancel.");
            }

            _turn = turn;
            _cancelled = false;
            _turnCancel = new CancellationTokenSource();
        }

        try
        {
            // The last turn's task ends just after its TurnCompleted: submitted before that, the loop would refuse the turn.
            await Task.WhenAny(_wired.Session.WhenIdle).ConfigureAwait(false);
            _wired.Session.Submit(new UserTurn(InterruptedTurns.WithNote(_store.TakeNotes(), text)));
            using var registration = cancellationToken.Register(Cancel);
            var done = await turn.Task.ConfigureAwait(false);
            _store.Save();
            if (_agent.Journal.Journal.Failure is { } failure)
            {
                throw new RpcException(RpcCodes.InternalError, $"{failure.Message} {failure.Remedy}");
            }

            return new PromptResult(done.Outcome switch
            {
                TurnOutcome.Interrupted => "cancelled",
                TurnOutcome.MaxTurns => "max_turn_requests",
                _ when _cancelled => "cancelled",
                _ => "end_turn",
            });
        }
        finally
        {
            lock (_lock)
            {
                _turn = null;
                _turnCancel?.Dispose();
                _turnCancel = null;
            }
        }
    }

    /// <summary><c>session/cancel</c>: interrupts the running prompt (and any permission question it waits on).</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            if (_turn is null)
            {
                return;
            }

            _cancelled = true;
            _turnCancel?.Cancel();
        }

        _wired.Session.Submit(new Interrupt());
    }

    /// <summary><c>session/set_mode</c>: switches the permission mode (journaled, as <c>/mode</c> is); null on success, else why not.</summary>
    public string? SetMode(string modeId)
    {
        if (!PermissionModes.TryParse(modeId, out var mode))
        {
            return $"Unknown mode '{modeId}'. Choose one of: {string.Join(", ", Modes.AvailableModes.Select(m => m.Id))}.";
        }

        var refused = Gate.SwitchMode(mode);
        if (refused is null)
        {
            _agent.Journal.Journal.Append(new PermissionModeRecord(Gate.Mode.Name()) { By = ChangedBy });
        }

        return refused;
    }

    /// <summary>Who changed the mode when the editor did (journaled as <c>by</c>, as <c>/mode</c> and Shift+Tab are).</summary>
    public const string ChangedBy = "editor";

    /// <summary>Ends the session: a running turn is interrupted and waited for (a bounded time), the file saved, the journal sealed.</summary>
    public async ValueTask DisposeAsync()
    {
        Cancel();
        try
        {
            await _wired.Session.WhenIdle.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a tool that does not stop: the session ends regardless, and disposing the loop stops it
        }

        _store.Save();
        await _closing.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the pump waits on the editor; the session ends regardless
        }

        lock (_lock)
        {
            _turn?.TrySetCanceled(CancellationToken.None);
        }

        _store.Dispose();
        await _wired.DisposeAsync().ConfigureAwait(false);
        _agent.Journal.Finish(Core.ExitCodes.Ok);
        _agent.Dispose();
        _closing.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in _wired.Session.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var update in _updates.Of(e))
                {
                    await _connection.NotifyAsync("session/update", new SessionNotification(Id, update), AcpJson.Default.SessionNotification, cancellationToken)
                        .ConfigureAwait(false);
                }

                switch (e)
                {
                    case ApprovalRequested ask:
                        CancellationToken turnToken;
                        lock (_lock)
                        {
                            turnToken = _turnCancel?.Token ?? new CancellationToken(canceled: true);
                        }

                        var answer = await _approvals.AskAsync(ask, turnToken).ConfigureAwait(false);
                        _wired.Session.Submit(answer);
                        if (answer is Approve)
                        {
                            await _connection.NotifyAsync("session/update", new SessionNotification(Id, new ToolCallProgress(ask.CallId, "in_progress")),
                                AcpJson.Default.SessionNotification, cancellationToken).ConfigureAwait(false);
                        }

                        break;
                    case TurnCompleted done:
                        lock (_lock)
                        {
                            _turn?.TrySetResult(done);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the session ends
        }
    }
}
