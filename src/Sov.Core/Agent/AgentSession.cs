using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Audit;
using Sov.Core.Hooks;
using Sov.Core.Models;
using Sov.Core.Tools;
using Sov.Core.Tools.Planning;

namespace Sov.Core.Agent;

/// <summary>
/// The agent loop behind the submission/event protocol. <see cref="Submit"/> takes operations;
/// <see cref="Events"/> streams what happens. One turn runs at a time: the model is asked, its tool
/// calls run (read-only ones concurrently), their results go back, until it answers without calls or
/// <see cref="AgentOptions.MaxTurns"/> requests were made. Interrupt cancels the request and tools in
/// flight and leaves the history valid for the next turn. The loop owns the turn (#14): it stores each turn's
/// checkpoint as the turn ends, compacts and undoes on request (<see cref="Compact"/>, <see cref="Undo"/>), asks
/// every approval as an <see cref="ApprovalRequested"/> event, and feeds the journal (<see cref="IEventSink"/>);
/// a front end only submits operations and renders events.
/// </summary>
public sealed class AgentSession : IAsyncDisposable
{
    private readonly IChatClient _client;
    private readonly ToolRegistry _tools;
    private readonly AgentOptions _options;
    private readonly ToolRunner _runner;
    private readonly ToolContext _context;
    private readonly AnswerReader _answers;
    private readonly Channel<AgentEvent> _events = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = false });
    private readonly PendingApprovals _approvals;
    private readonly PlanHandoff _plan;
    private readonly SessionUndo? _undo;
    private readonly IEventSink? _sink;
    private readonly TurnHooks? _hooks;
    private readonly List<ChatMessage> _history = [];
    private readonly Lock _gate = new();
    private CancellationTokenSource? _turnCancellation;
    private Task _current = Task.CompletedTask;
    private int _turn;

    /// <param name="undo">The session's checkpoints (null: turns are not stored for undo, and Undo answers that it cannot).</param>
    /// <param name="sink">Fed every event as it is emitted, and every answer to an approval (the journal).</param>
    /// <param name="modes">The session's permission mode (#17): plan mode offers only read-only tools and <c>exit_plan</c>, and an
    /// approved plan switches it (null: no plan mode, every tool but <c>exit_plan</c> offered).</param>
    public AgentSession(IChatClient client, ToolRegistry tools, ToolContext toolContext, IPermissionGate permissions, AgentOptions? options = null,
        SessionUndo? undo = null, IEventSink? sink = null, IPermissionModes? modes = null)
    {
        _undo = undo;
        _sink = sink;
        _approvals = new PendingApprovals(Emit, sink);
        _plan = new PlanHandoff(modes, _approvals, Emit);
        ArgumentNullException.ThrowIfNull(tools);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _tools = tools;
        _options = options ?? new AgentOptions();
        ArgumentNullException.ThrowIfNull(toolContext);
        var context = toolContext with { OnFileChanged = (path, change) => Emit(new FileChanged(path, change)), OnWarning = message => Emit(new Warning(message)) };
        _context = context;
        if (_options.Agents is { } agents)
        {
            // #17: children run on this session's context, gate and approvals (never wider), and cannot start their own.
            var host = new Subagents.SubagentHost(new Subagents.SubagentParent(client, tools, context, permissions, _approvals.AskAsync, Emit, _options, agents));
            context = context with { Subagents = host };
        }

        _runner = new ToolRunner(tools, context, permissions)
        {
            AskAsync = _approvals.AskAsync, Emit = Emit, Secrets = _options.Secrets, ProposePlanAsync = _plan.ProposeAsync, Hooks = _options.Hooks,
        };
        _hooks = _options.Hooks is { } hooks ? new TurnHooks(hooks, Emit) : null;
        var working = Offer(tools.All.Where(t => t is not ExitPlanTool));
        var planning = Offer(tools.All.Where(t => t.IsReadOnly));
        _answers = new AnswerReader(_client, () => _plan.Planning ? planning : working, tools, Emit);
    }

    public ChannelReader<AgentEvent> Events => _events.Reader;

    /// <summary>What a request offers: the instructions and these tools (all but <c>exit_plan</c>; in plan mode the read-only ones and it).</summary>
    private ChatOptions Offer(IEnumerable<ITool> offered) => new()
    {
        Instructions = _options.Instructions,
        Tools = [.. offered.Select(ToolDeclaration.From)],
    };

    /// <summary>The conversation so far (user, assistant and tool messages; no reasoning).</summary>
    public IReadOnlyList<ChatMessage> History => _history;

    /// <summary>Completes when no turn is running.</summary>
    public Task WhenIdle => _current;

    /// <summary>Replaces the conversation (resume, /clear, /compact); only between turns.</summary>
    public void Reset(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            if (!_current.IsCompleted)
            {
                throw new InvalidOperationException("A turn is running; the conversation cannot be replaced now.");
            }

            Replace(messages);
        }
    }

    private void Replace(IEnumerable<ChatMessage> messages)
    {
        var copy = messages.ToList();
        _history.Clear();
        _history.AddRange(copy);
        if (_options.Secrets is { } secrets)
        {
            HistorySecrets.Learn(secrets, _history);
        }
    }

    public void Submit(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        switch (submission)
        {
            case UserTurn turn:
                Start(token => RunTurnAsync(++_turn, turn.Text, token));
                break;
            case Interrupt:
                lock (_gate)
                {
                    _turnCancellation?.Cancel();
                }

                break;
            case Approve approve:
                _approvals.Answer(approve.CallId, true, null, approve.Mode);
                break;
            case Deny deny:
                _approvals.Answer(deny.CallId, false, deny.Reason);
                break;
            case Compact:
                Start(CompactAsync);
                break;
            case Undo:
                Start(_ =>
                {
                    Emit(_undo?.UndoLast() ?? new UndoCompleted(UndoOutcome.Failed, [], [], [], null, "This session keeps no checkpoints to undo."));
                    return Task.CompletedTask;
                });
                break;
            case Rewind rewind:
                Start(_ =>
                {
                    var (done, kept) = SessionRewind.Run(_history, rewind, _undo);
                    if (kept is not null)
                    {
                        Replace(kept);
                    }

                    Emit(done);
                    return Task.CompletedTask;
                });
                break;
        }
    }

    /// <summary>Starts <paramref name="work"/> (a turn, a compaction, an undo) unless one is running; Interrupt cancels it.</summary>
    private void Start(Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (!_current.IsCompleted)
            {
                Emit(new Warning("A turn is already running; interrupt it first."));
                return;
            }

            _turnCancellation?.Dispose();
            _turnCancellation = new CancellationTokenSource();
            var token = _turnCancellation.Token;
            _current = Task.Run(() => work(token), CancellationToken.None);
        }
    }

    /// <summary>Frees context: the conversation becomes a summary the model wrote (<see cref="Compactor"/>); on failure it stays as it was.</summary>
    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        try
        {
            var compacted = await Compactor.CompactAsync(_client, _history, _options.Instructions, cancellationToken).ConfigureAwait(false);
            Replace(compacted);
            Emit(new CompactCompleted(true, compacted.Count));
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Emit(new Warning("Compacting was interrupted; the conversation is as it was."));
        }
#pragma warning disable CA1031 // Any failure leaves the conversation as it was and is said; the front end waits for CompactCompleted.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Emit(new Warning("Could not compact: " + e.Message));
        }

        Emit(new CompactCompleted(false, _history.Count));
    }
    /// <summary>Runs one turn to its end and returns how it ended (the events are also emitted).</summary>
    private async Task<TurnCompleted> RunTurnAsync(int number, string prompt, CancellationToken cancellationToken)
    {
        var typed = prompt; // the person's own words: only paths in them attach images (review of #17: not a path the model wrote into its plan)
        prompt = _plan.Carry(prompt); // an approved plan goes with the prompt after it (#17)
        Emit(new TurnStarted(number, prompt));
        var historyMark = _history.Count;
        var requests = 0;
        var streamRetries = 0;
        var finalText = "";
        try
        {
            if (_hooks is not null && await _hooks.BeforeTurnAsync(prompt, resumed: historyMark > 0, cancellationToken).ConfigureAwait(false) is var (hooked, blocked))
            {
                if (blocked is not null)
                {
                    Emit(new Error(blocked, "Change the prompt, or the UserPromptSubmit hook in your config.toml.", ExitCodes.Failed));
                    return Complete(number, TurnOutcome.Failed, "", 0);
                }

                prompt = hooked!;
            }

            var message = PromptImages.Message(prompt, _context, Emit, typed);
            message.CreatedAt = DateTimeOffset.UtcNow; // when it began: a rewind finds its files by it
            _history.Add(message);
            while (requests < _options.MaxTurns)
            {
                requests++;
                AssistantStep step;
                try
                {
                    step = await _answers.ReadAsync(_history, cancellationToken).ConfigureAwait(false);
                }
                catch (ModelStreamInterruptedException e) when (streamRetries < _options.MaxStreamRetries)
                {
                    streamRetries++;
                    Emit(new Warning($"{e.Message} Asking again ({streamRetries}/{_options.MaxStreamRetries})."));
                    continue;
                }

                finalText = step.Text;
                _history.Add(step.Message);
                if (step.Calls.Count == 0)
                {
                    if (_hooks is not null && await _hooks.StopAsync(finalText, cancellationToken).ConfigureAwait(false) is { } goOn)
                    {
                        _history.Add(TurnPrompts.Added(new ChatMessage(ChatRole.User, goOn), "hook")); // #17: a Stop hook blocked the stop; the model goes on
                        continue;
                    }

                    return Complete(number, TurnOutcome.Completed, finalText, requests);
                }

                var batch = await ToolBatch.RunAsync(_runner, step.Calls, Emit, cancellationToken).ConfigureAwait(false);
                _history.Add(new ChatMessage(ChatRole.Tool, [.. batch.Results]));
                if (batch.Images is { } images)
                {
                    _history.Add(images);
                }

                if (batch.EndsTurn)
                {
                    return Complete(number, TurnOutcome.Completed, _plan.TakeProposed() ?? finalText, requests); // an approved plan is the turn's answer
                }
            }

            Emit(new Error(
                $"The task did not finish within {_options.MaxTurns} model requests.",
                "Raise --max-turns, or split the task into smaller steps.",
                ExitCodes.Failed));
            return Complete(number, TurnOutcome.MaxTurns, finalText, requests);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Complete(number, TurnOutcome.Interrupted, KeepStreamed(historyMark, finalText), requests);
        }
        catch (SovException e)
        {
            finalText = KeepStreamed(historyMark, finalText);
            Emit(new Error(e.Message, e.Remedy, e.ExitCode));
            return Complete(number, TurnOutcome.Failed, finalText, requests);
        }
#pragma warning disable CA1031 // A bug must end the turn with an Error event, never leave front ends waiting for TurnCompleted.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            finalText = KeepStreamed(historyMark, finalText);
            Emit(new Error($"internal error: {e.GetType().Name}: {PlainErrors.Describe(e)}", "Please report it with the stream-json output of the run.", ExitCodes.Failed));
            return Complete(number, TurnOutcome.Failed, finalText, requests);
        }
    }

    /// <summary>
    /// After an interrupt or failure, keep the history valid: every assistant tool call must have a
    /// result, so calls left unanswered get "interrupted" results.
    /// </summary>
    private void RepairHistory(int historyMark)
    {
        if (_history.Count > historyMark && _history[^1].Role == ChatRole.Assistant)
        {
            var pending = _history[^1].Contents.OfType<FunctionCallContent>().ToList();
            if (pending.Count > 0)
            {
                _history.Add(new ChatMessage(ChatRole.Tool, [.. pending.Select(c => new FunctionResultContent(c.CallId, "Error: interrupted before it finished."))]));
            }
        }
    }

    /// <summary>
    /// After a failure or interrupt: repairs the history, and keeps the text the model had streamed of the
    /// answer that broke (#13.5: a server error mid-answer must not lose it) as the turn's last answer.
    /// </summary>
    private string KeepStreamed(int historyMark, string finalText)
    {
        RepairHistory(historyMark);
        var streamed = _answers.Streamed.ToString();
        _answers.Streamed.Clear();
        if (streamed.Trim().Length == 0)
        {
            return finalText;
        }

        _history.Add(new ChatMessage(ChatRole.Assistant, streamed));
        return streamed;
    }

    private TurnCompleted Complete(int number, TurnOutcome outcome, string finalText, int requests)
    {
        try
        {
            _undo?.EndTurn(); // the turn's checkpoint is stored before anyone hears it ended
        }
        catch (SovException e)
        {
            Emit(new Error(e.Message, e.Remedy, e.ExitCode));
            outcome = TurnOutcome.Failed;
        }

        var completed = new TurnCompleted(number, outcome, finalText, requests);
        Emit(completed);
        return completed;
    }

    private void Emit(AgentEvent e)
    {
        try
        {
            _sink?.Record(e);
        }
        catch (StateWriteException)
        {
            // The journal keeps its failure (Journal.Failure) and refuses what follows; the front end stops on it after the turn.
        }

        _events.Writer.TryWrite(e);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _turnCancellation?.Cancel();
        }

        try
        {
            await _current.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the turn was being cancelled
        }

        _events.Writer.TryComplete();
        _turnCancellation?.Dispose();
    }
}
