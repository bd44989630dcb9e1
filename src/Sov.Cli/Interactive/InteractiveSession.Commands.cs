using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Permissions;
using Sov.Core.Sessions;
using Sov.Core.Text;

namespace Sov.Cli.Interactive;

/// <summary>The slash commands of the interactive session.</summary>
internal sealed partial class InteractiveSession
{
    /// <summary>Runs one slash command; returns an exit code when the session should end.</summary>
    private async Task<int?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "quit" or "exit" or "q":
                return Goodbye();
            case "help":
                foreach (var (name, help) in SlashCommand.BuiltIns)
                {
                    _surface.Write($"  /{name,-10}", Style.Accent);
                    _surface.WriteLine(help);
                }

                foreach (var (name, origin) in _custom.Names)
                {
                    _surface.Write($"  /{name,-10}", Style.Accent);
                    _surface.WriteLine($"custom command ({origin})");
                }

                break;
            case "model":
                await ModelAsync(command.Arguments, cancellationToken).ConfigureAwait(false);
                break;
            case "mode":
                if (command.Arguments.Length == 0)
                {
                    _surface.WriteLine($"mode {_gate.Mode.Name()} (choices: {string.Join(", ", PermissionModes.Names)})");
                }
                else if (PermissionModes.TryParse(command.Arguments, out var mode))
                {
                    var refused = _gate.SwitchMode(mode);
                    if (refused is null)
                    {
                        _agent.Journal.Journal.Append(new Sov.Core.Audit.Records.PermissionModeRecord(_gate.Mode.Name())); // #14: the journal states the mode in effect
                    }

                    _surface.WriteLine(refused ?? $"mode is now {_gate.Mode.Name()}", refused is null ? Style.Plain : Style.Warning);
                }
                else
                {
                    _surface.WriteLine($"Unknown mode '{command.Arguments}'. Choose one of: {string.Join(", ", PermissionModes.Names)}.", Style.Warning);
                }

                break;
            case "compact":
                await CompactAsync(cancellationToken).ConfigureAwait(false);
                break;
            case "clear":
                _session.Reset([]);
                _file.Reset([]);
                _saved = 0;
                _view.Reset();
                _surface.WriteLine("Started a fresh conversation (the session file keeps the earlier one).", Style.Dim);
                break;
            case "cost":
                _surface.WriteLine($"session {Tokens(_view.SessionTokens)} tokens; context {Used()} of {Tokens(_window)} ({Percent()}). Self-hosted: no bill.");
                break;
            case "reasoning":
                FencedRows.Gutter(_surface).WriteLines(_view.LastReasoning.Length == 0 ? "(no reasoning in the last turn)" : _view.LastReasoning.Trim(), Style.Dim);
                break;
            case "resume":
                if (Resume(command.Arguments) is { } switching)
                {
                    return switching;
                }

                break;
            case "undo":
                await UndoLastTurnAsync(cancellationToken).ConfigureAwait(false);
                break;
            case "audit":
                var head = _agent.Journal.Journal.Head;
                var check = Sov.Core.Audit.JournalVerifier.Verify(_agent.Journal.Journal.FilePath);
                // Short rows, one fact each, so nothing wraps mid-word on a narrow terminal (#15.9).
                _surface.WriteLine($"journal  {head.Session} · {head.Seq} records", Style.Dim);
                _surface.WriteLine($"head     {head.Hash}", Style.Dim);
                _surface.WriteLine("chain    " + (check.Intact ? "intact" : $"BROKEN at seq {check.FirstBadSeq}"), Style.Dim);
                _surface.WriteLine("         sealed when the session ends; 'sov audit verify' checks it then", Style.Dim);
                break;
            case "privacy":
                _surface.WriteLine($"This session may contact only {new Uri(_agent.BaseUrl.GetLeftPart(UriPartial.Authority))}; 'sov privacy' says what is read and sent.");
                break;
            default:
                if (_custom.Expand(command, out var notSent) is { } expanded)
                {
                    await RunTurnAsync(TextBorder.Reveal(expanded), cancellationToken).ConfigureAwait(false);
                }
                else if (notSent is not null)
                {
                    _surface.WriteLine($"⚠ /{command.Name} was not sent: {notSent}.", Style.Warning);
                }
                else
                {
                    _surface.WriteLine($"Unknown command /{command.Name}. /help lists commands.", Style.Warning);
                }

                break;
        }

        return null;
    }

    /// <summary>The session undoes its last turn (#14: the loop owns it, and journals it); the model is told with the next prompt.</summary>
    private async Task UndoLastTurnAsync(CancellationToken cancellationToken)
    {
        if (await _driver.DriveAsync(new Undo(), cancellationToken).ConfigureAwait(false) is not UndoCompleted done)
        {
            return;
        }

        switch (done.Outcome)
        {
            case UndoOutcome.Failed:
                _surface.WriteLine(done.Message ?? "Undo failed.", Style.Error);
                return;
            case UndoOutcome.Nothing:
                _surface.WriteLine("Nothing to undo.", Style.Dim);
                return;
        }

        foreach (var path in done.Restored)
        {
            _surface.WriteLine($"  restored  {path}");
        }

        foreach (var path in done.Removed)
        {
            _surface.WriteLine($"  removed   {path} (the turn created it)");
        }

        foreach (var line in done.Skipped)
        {
            _surface.WriteLine($"  left      {line}", Style.Warning);
        }

        _surface.WriteLine($"Undid the last turn: {done.Restored.Count} restored, {done.Removed.Count} removed, {done.Skipped.Count} left alone.", Style.Dim);
        if (done.Note is { } note)
        {
            _file.AppendNote(note); // the model is told with the next prompt, in this process or the one that continues the session
            _pendingNotes.Add(note);
        }
    }

    /// <summary><c>/resume</c> lists the workspace's sessions; <c>/resume ID</c> saves this one and reopens as <c>sov --resume ID</c>
    /// (returns the exit code that ends this one), so each session keeps its one id and journal (#14).</summary>
    private int? Resume(string id)
    {
        var sessions = SessionFile.List(_context.Paths.SessionsDir, _agent.Workspace.Root);
        if (id.Length == 0)
        {
            foreach (var s in sessions.Take(10))
            {
                _surface.WriteLine($"  {s.Id}  {s.Messages,4} messages  {s.FirstPrompt}");
            }

            _surface.WriteLine("/resume ID switches to one of them.", Style.Dim);
            return null;
        }

        var found = sessions.FirstOrDefault(s => s.Id == id);
        if (found is null || found.Id == _file.Id)
        {
            _surface.WriteLine(found is null ? $"No session {id} in this workspace. /resume lists them." : $"Session {id} is the one open.", Style.Warning);
            return null;
        }

        Save();
        _surface.WriteLine($"Session saved: {_file.Id}. Switching to {found.Id}.", Style.Dim);
        _switchTo = found.Id;
        return Sov.Core.ExitCodes.Ok;
    }

    /// <summary><c>/model</c> shows the model and what the server serves; <c>/model NAME</c> switches for the next turn.</summary>
    private async Task ModelAsync(string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            _surface.WriteLine($"model {_agent.Model} at {_agent.BaseUrl}, context window {Tokens(_window)} tokens");
            if (await _agent.ServedModelsAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } served)
            {
                _surface.WriteLine($"the server serves: {string.Join(", ", served)} (/model NAME to switch)", Style.Dim);
            }

            return;
        }

        if (await _agent.SwitchModelAsync(name, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            _surface.WriteLine(problem, Style.Error);
            return;
        }

        _window = ContextWindow.For(name, _agent.Settings.ContextWindow);
        _surface.WriteLine($"model {name} from the next turn on, context window {Tokens(_window)} tokens (the conversation carries over)");
    }
}
