using Microsoft.Extensions.AI;
using Sov.Cli.Borders;
using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Sessions;

namespace Sov.Cli.Interactive;

/// <summary>
/// The interactive session: the prompt, turns streamed into scrollback, approvals, slash commands,
/// the session file written as each turn ends, compaction near the context limit.
/// </summary>
internal sealed partial class InteractiveSession
{
    private const string Prompt = "› ";
    private readonly CliContext _context;
    private readonly TerminalSurface _surface;
    private readonly IPromptInput _input;
    private readonly PreparedAgent _agent;
    private readonly AgentSession _session;
    private readonly InteractivePermissionGate _gate;
    private readonly SessionBorders _borders;
    private readonly JournalEventSink _journal;
    private readonly TurnView _view;
    private readonly CustomCommands _custom;
    private int _window;
    private IReadOnlyList<string> _mcpWarnings = [];
    private SessionFile _file;
    private int _saved;
    private bool _lastWasInterrupt;
    private string? _interruptedNote;
    private List<string> _pendingNotes = [];
    private string? _switchTo;

    private InteractiveSession(CliContext context, TerminalSurface surface, IPromptInput input, PreparedAgent agent, SessionBorders borders, SessionFile file)
    {
        _context = context;
        _surface = surface;
        _input = input;
        _agent = agent;
        _file = file;
        _borders = borders;
        _gate = new InteractivePermissionGate(borders.Gate, agent.Workspace);
        borders.Services.AskAsync = (question, _) => Task.FromResult(AskYesNo(question));
        (_session, _journal) = SessionWiring.Build(agent, borders, _gate);
        _view = new TurnView(surface, agent.Workspace, agent.Tools);
        _custom = new CustomCommands(context.Paths.UserCommandsDir, Path.Combine(agent.Workspace.Root, ".sov", "commands"),
            new ProjectFileBorder(agent.Workspace, borders.Gate.Policy));
        foreach (var command in _custom.NotRead)
        {
            agent.Journal.Journal.Append(new ProjectFileRecord("command", command));
        }

        _window = ContextWindow.For(agent.Model, agent.Settings.ContextWindow);
    }

    public static async Task<int> RunAsync(CliContext context, TerminalSurface surface, IPromptInput input, InteractiveOptions options, CancellationToken cancellationToken)
    {
        PreparedAgent agent;
        try
        {
            var choice = options.ResumeId is { } id ? new SessionChoice(id) : new SessionChoice(Newest: options.Continue || options.ResumeGiven);
            agent = await PreparedAgent.PrepareAsync(context, options.Flags, options.WorkspaceRoot, cancellationToken,
                kind: "interactive", modeFlag: options.Mode, session: choice).ConfigureAwait(false);
        }
        catch (ConfigException e) when (e.Message.StartsWith("No model endpoint is configured", StringComparison.Ordinal))
        {
            FirstRun.Print(surface, e, context.Paths.ConfigFile);
            return ExitCodes.Environment;
        }

        string? switchTo;
        using (agent)
        {
            var borders = await SessionBorders.CreateAsync(context, agent.Workspace, options.Mode, headless: false, cancellationToken).ConfigureAwait(false);
            await using var mcp = await McpServers.ConnectAsync(context, agent, borders, cancellationToken).ConfigureAwait(false);
            var recovered = InterruptedTurns.Recover(borders.Services.Undo.Store);
            var (file, history, pending) = OpenSession(context, agent, options, surface);
            borders.Services.Undo.Session = file.Id;
            var interactive = new InteractiveSession(context, surface, input, agent, borders, file)
            {
                _mcpWarnings = [.. mcp.Warnings, .. recovered],
                _interruptedNote = InterruptedTurns.NoteFor(borders.Services.Undo.Store, file.Id, history),
                _pendingNotes = [.. pending],
            };
            await using (interactive._session.ConfigureAwait(false))
            {
                using (file)
                {
                    if (history.Count > 0)
                    {
                        interactive._session.Reset(history);
                        interactive._saved = history.Count;
                        interactive._view.SessionTokens = ContextWindow.Estimate(history, agent.Options.Instructions); // #15.7: its size, estimated
                    }

                    var exit = await interactive.LoopAsync(cancellationToken).ConfigureAwait(false);
                    agent.Journal.Finish(exit);
                    switchTo = interactive._switchTo;
                    if (switchTo is null)
                    {
                        return exit;
                    }
                }
            }
        }

        // /resume ID: this session is saved and its journal sealed; the other opens as with 'sov --resume ID' (#14: one id, one journal each).
        return await RunAsync(context, surface, input, options with { ResumeId = switchTo, Continue = false, ResumeGiven = false }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> LoopAsync(CancellationToken cancellationToken)
    {
        Banner();
        if (_saved > 0)
        {
            ResumedView.Print(_surface, [.. _session.History]);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var read = _input.Read(Prompt);
            switch (read.Outcome)
            {
                case Terminal.Input.EditorOutcome.EndOfInput:
                    return Goodbye();
                case Terminal.Input.EditorOutcome.Interrupt:
                    if (_lastWasInterrupt)
                    {
                        return Goodbye();
                    }

                    _lastWasInterrupt = true;
                    _surface.WriteLine("(Ctrl-C again to exit, or Ctrl-D)", Style.Dim);
                    continue;
            }

            _lastWasInterrupt = false;
            var text = read.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                if (SlashCommand.TryParse(text, out var command))
                {
                    if (await HandleAsync(command, cancellationToken).ConfigureAwait(false) is { } exit)
                    {
                        return exit;
                    }
                }
                else
                {
                    await RunTurnAsync(text, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (StateWriteException e)
            {
                return Stop(e, shown: false);
            }

            if (_agent.Journal.Journal.Failure is { } failure)
            {
                return Stop(failure, shown: true); // the turn ended with it as its error
            }
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>Sovereign's own state could not be written (disk full under SOV_HOME, #13.1): say so, save what can be saved, stop.</summary>
    private int Stop(StateWriteException failure, bool shown)
    {
        if (!shown)
        {
            _surface.WriteLine("⚠ " + TerminalSafe.Line(failure.Message), Style.Warning);
        }

        try
        {
            Save();
            _surface.WriteLine($"Session saved: {_file.Id}. {failure.Remedy}", Style.Dim);
        }
        catch (StateWriteException)
        {
            _surface.WriteLine($"Session {_file.Id} is saved up to the last turn that could be written. {failure.Remedy}", Style.Dim);
        }

        return failure.ExitCode;
    }

    private async Task RunTurnAsync(string text, CancellationToken cancellationToken)
    {
        _view.Begin();
        var interrupted = false;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            interrupted = true;
            _session.Submit(new Interrupt());
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            _session.Submit(new UserTurn(InterruptedTurns.WithNote(UndoNotes.Join([_interruptedNote, .. _pendingNotes]), text)));
            _interruptedNote = null;
            _pendingNotes.Clear();
            await foreach (var e in _session.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _view.Show(e);
                _journal.Record(e);
                if (e is ApprovalRequested ask)
                {
                    Console.CancelKeyPress -= OnCancel;
                    try
                    {
                        var answer = new ApprovalPrompt(_surface, _input, _gate).Ask(ask, _view.PreviewOf(ask.CallId));
                        _journal.RecordAnswer(ask.CallId, ask.Name, answer is Approve, _gate.TakeGranted(ask.CallId));
                        _session.Submit(answer);
                    }
                    finally
                    {
                        Console.CancelKeyPress += OnCancel;
                    }
                }

                if (e is TurnCompleted)
                {
                    _borders.Services.Undo.EndTurn();
                    break;
                }
            }
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }

        _lastWasInterrupt = interrupted;
        Save();
        _window = _agent.Client.ContextWindow ?? _window; // #16: the window the server said, once the first request asked
        Status();
        if (ContextWindow.ShouldCompact(UsedTokens(), _window))
        {
            _surface.WriteLine($"Context is {Percent()} full: compacting the conversation.", Style.Dim);
            await CompactAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        try
        {
            var compacted = await Compactor.CompactAsync(_agent.Client, _session.History, _agent.Options.Instructions, cancellationToken).ConfigureAwait(false);
            _session.Reset(compacted);
            _file.Reset(compacted);
            _saved = compacted.Count;
            _view.Reset();
            _surface.WriteLine("Compacted: the conversation is now a summary (the session file keeps everything).", Style.Dim);
        }
        catch (Exception e) when (e is SovException or InvalidOperationException or HttpRequestException)
        {
            _surface.WriteLine("⚠ Could not compact: " + e.Message, Style.Warning);
        }
    }

    /// <summary>Appends the messages of the turn that just ended to the session file, fsynced.</summary>
    private void Save()
    {
        var history = _session.History;
        if (history.Count > _saved)
        {
            _file.Append(history.Skip(_saved).ToList());
            _saved = history.Count;
        }
    }

    private void Banner()
    {
        _surface.WriteLine($"Sovereign {VersionInfo.Version}", Style.Accent);
        _surface.WriteLine($"model {_agent.Model} at {_agent.BaseUrl} · mode {_gate.Mode.Name()}", Style.Dim);
        _surface.WriteLine($"workspace {_agent.Workspace.Root} · session {_file.Id}", Style.Dim);
        foreach (var file in _agent.Instructions.Files)
        {
            _surface.WriteLine(file.Status == ProjectFileStatus.Read ? $"instructions from {file.Display}" : "⚠ instructions: " + file.Note,
                file.Status == ProjectFileStatus.Read ? Style.Dim : Style.Warning);
        }

        foreach (var note in _custom.NotRead.Select(f => "custom command: " + f.Note).Prepend(_agent.Instructions.CutNote).OfType<string>())
        {
            _surface.WriteLine("⚠ " + note, Style.Warning);
        }

        foreach (var (file, finding) in _agent.Instructions.Findings)
        {
            _surface.WriteLine(
                $"⚠ hidden characters in {file}:{finding.Line}:{finding.Column}: {finding.CodePointText} {finding.Category} ({finding.Severity}) — {finding.Message}",
                Style.Warning);
        }

        if (_agent.Instructions.Findings.Count > 0)
        {
            _surface.WriteLine("  They reach the model only as visible markers, never hidden.", Style.Warning);
        }

        foreach (var warning in _agent.Settings.Warnings.Concat(_borders.Warnings).Concat(_mcpWarnings))
        {
            _surface.WriteLine("⚠ " + TerminalSafe.Line(warning), Style.Warning);
        }

        if (_interruptedNote is not null)
        {
            _surface.WriteLine("The last turn of this session was interrupted; the model is told so, and which files it changed, with your next prompt.", Style.Dim);
        }

        _surface.WriteLine("/help for commands · Enter sends, Alt+Enter or \\ adds a line · Ctrl-C interrupts · Ctrl-D exits", Style.Dim);
    }

    private void Status() =>
        _surface.WriteLine($"─ {_agent.Model} · {_gate.Mode.Name()} · context {Used()}/{Tokens(_window)} ({Percent()}) · session {Tokens(_view.SessionTokens)} tokens", Style.Dim);

    private string Percent() => $"{100.0 * UsedTokens() / _window:0}%";

    /// <summary>Context in use: the server's last input-token count, or an estimate when it reports none.</summary>
    private long UsedTokens() => _view.LastInputTokens ?? ContextWindow.Estimate(_session.History, _agent.Options.Instructions);

    /// <summary>Context in use as shown: an estimate is marked with '~'.</summary>
    private string Used() => _view.LastInputTokens is { } reported ? Tokens(reported) : "~" + Tokens(UsedTokens());

    /// <summary>1.2k for counts; a window that is a multiple of 1,024 (32,768) as the 32k people call it (#15.9).</summary>
    private static string Tokens(long n) =>
        n >= 1024 && n % 1024 == 0 ? $"{n / 1024}k"
        : n >= 1000 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n / 1000.0:0.#}k")
        : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A yes/no question from a tool (hidden characters in text about to be written), asked at the prompt.</summary>
    private bool AskYesNo(string question) => new ApprovalPrompt(_surface, _input, _gate).AskYesNo(question);

    private int Goodbye()
    {
        Save();
        _surface.WriteLine($"Session saved: {_file.Id} (resume with: sov --resume {_file.Id})", Style.Dim);
        return ExitCodes.Ok;
    }

    /// <summary>The session file under the session's one id (#14): the one <see cref="PreparedAgent"/> continues, or a new one.</summary>
    private static (SessionFile File, List<ChatMessage> History, IReadOnlyList<string> Pending) OpenSession(CliContext context, PreparedAgent agent, InteractiveOptions options, TerminalSurface surface)
    {
        if (options.ResumeId is null && (options.Continue || options.ResumeGiven))
        {
            if (agent.Listed.Count == 0)
            {
                surface.WriteLine("No earlier session in this workspace: starting a new one.", Style.Dim);
            }
            else if (options.ResumeGiven)
            {
                surface.WriteLine("Sessions in this workspace (newest first):", Style.Dim);
                foreach (var s in agent.Listed.Take(10))
                {
                    surface.WriteLine($"  {s.Id}  {s.Messages,4} messages  {s.FirstPrompt}");
                }
            }
        }

        var (file, loaded) = SessionResume.OpenOrCreate(context, agent);
        if (loaded is null)
        {
            return (file, [], []);
        }

        // What could not be loaded (a torn last line, #13.3) is shown; SessionResume journaled it.
        foreach (var warning in loaded.Warnings)
        {
            surface.WriteLine("⚠ " + TerminalSafe.Line(warning), Style.Warning);
        }

        surface.WriteLine($"Resumed {file.Id}: {loaded.Messages.Count} messages.", Style.Dim);
        return (file, loaded.Messages, loaded.PendingNotes);
    }
}
