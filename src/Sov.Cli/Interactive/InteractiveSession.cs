using Sov.Cli.Interactive.Slash;
using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Sessions;
using Sov.Core.Text;

namespace Sov.Cli.Interactive;

/// <summary>
/// The interactive session's loop: the prompt, a turn for each message (<see cref="TurnDriver"/> submits it and renders
/// its events, approvals included), a slash command for each <c>/NAME</c> (one class each, <see cref="SlashCommands"/>),
/// the session file written as each turn ends (<see cref="SessionStore"/>), compaction near the context limit.
/// </summary>
internal sealed class InteractiveSession : ITerminalTurns
{
    private const string Prompt = "› ";
    private readonly IPromptInput _input;
    private readonly SlashContext _parts;
    private readonly IReadOnlyList<string> _warnings;
    private bool _lastWasInterrupt;
    private string? _switchTo;

    private InteractiveSession(CliContext context, TerminalSurface surface, IPromptInput input, PreparedAgent agent, WiredSession wired, SessionStore store,
        IReadOnlyList<string> warnings)
    {
        _input = input;
        var gate = (InteractivePermissionGate)wired.Gate;
        var view = new TurnView(surface, agent.Workspace, wired.Tools);
        var custom = new CustomCommands(context.Paths.UserCommandsDir, Path.Combine(agent.Workspace.Root, ".sov", "commands"),
            new ProjectFileBorder(agent.Workspace, wired.Borders.Gate.Policy));
        foreach (var command in custom.NotRead)
        {
            agent.Journal.Journal.Append(new ProjectFileRecord("command", command));
        }

        var meter = new ContextMeter(wired.Session, view, agent.Options.Instructions, ContextWindow.For(agent.Model, agent.Settings.ContextWindow));
        _parts = new SlashContext(context, surface, agent, wired.Session, gate, view, new TurnDriver(wired.Session, view, new ApprovalPrompt(surface, input, gate)),
            store, meter, custom, this, input);
        _warnings = [.. agent.Settings.Warnings, .. wired.Borders.Warnings, .. agent.Skills.Warnings, .. warnings];
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
            await using var wired = await SessionWiring.BuildAsync(context, agent, options.Mode, headless: false,
                borders => new InteractivePermissionGate(borders.Gate, agent.Workspace), cancellationToken).ConfigureAwait(false);
            var undo = wired.Borders.Services.Undo;
            var recovered = InterruptedTurns.Recover(undo.Store);
            var (file, history, pending) = SessionStore.Open(context, agent, options, surface);
            undo.Session = file.Id;
            using var store = new SessionStore(file, wired.Session);
            var interactive = new InteractiveSession(context, surface, input, agent, wired, store, [.. wired.Mcp.Warnings, .. wired.Warnings, .. recovered]);
            store.Resumed(history, pending, InterruptedTurns.NoteFor(undo.Store, file.Id, history));
            if (history.Count > 0)
            {
                wired.Session.Reset(history);
                interactive._parts.View.SessionTokens = ContextWindow.Estimate(history, agent.Options.Instructions); // #15.7: its size, estimated
            }

            var exit = await interactive.LoopAsync(cancellationToken).ConfigureAwait(false);
            agent.Journal.Finish(exit);
            switchTo = interactive._switchTo;
            if (switchTo is null)
            {
                return exit;
            }
        }

        // /resume ID: this session is saved and its journal sealed; the other opens as with 'sov --resume ID' (#14: one id, one journal each).
        return await RunAsync(context, surface, input, options with { ResumeId = switchTo, Continue = false, ResumeGiven = false }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> LoopAsync(CancellationToken cancellationToken)
    {
        var (surface, store) = (_parts.Surface, _parts.Store);
        SessionBanner.Print(_parts, _warnings);
        if (store.HasSaved)
        {
            ResumedView.Print(surface, [.. _parts.Session.History]);
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
                    surface.WriteLine("(Ctrl-C again to exit, or Ctrl-D)", Style.Dim);
                    continue;
                case Terminal.Input.EditorOutcome.CycleMode:
                    ModeCommand.Switch(_parts, PermissionModes.Next(_parts.Gate.Mode), "shift+tab"); // #17
                    continue;
                case Terminal.Input.EditorOutcome.Rewind:
                    read = new Terminal.Input.EditorResult(Terminal.Input.EditorOutcome.Submit, "/rewind"); // #17: Esc Esc opens it
                    break;
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

            if (_parts.Agent.Journal.Journal.Failure is { } failure)
            {
                return Stop(failure, shown: _parts.Driver.LastError == failure.Message); // the turn may have ended with it as its error
            }
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>A built-in command, else a custom one (its template sent as a message), else a hint.</summary>
    private async Task<int?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        if (SlashCommands.Find(command.Name) is { } builtIn)
        {
            return await builtIn.RunAsync(_parts, command.Arguments, cancellationToken).ConfigureAwait(false);
        }

        if (_parts.Custom.Expand(command, out var notSent) is { } expanded)
        {
            await RunTurnAsync(TextBorder.Reveal(expanded), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _parts.Surface.WriteLine(notSent is not null ? $"⚠ /{command.Name} was not sent: {notSent}." : $"Unknown command /{command.Name}. /help lists commands.", Style.Warning);
        }

        return null;
    }

    /// <summary>Sovereign's own state could not be written (disk full under SOV_HOME, #13.1): say so, save what can be saved, stop.</summary>
    private int Stop(StateWriteException failure, bool shown)
    {
        var (surface, store) = (_parts.Surface, _parts.Store);
        if (!shown)
        {
            surface.WriteLine("⚠ " + TerminalSafe.Line(failure.Message), Style.Warning);
        }

        try
        {
            store.Save();
            surface.WriteLine($"Session saved: {store.Id}. {failure.Remedy}", Style.Dim);
        }
        catch (StateWriteException)
        {
            surface.WriteLine($"Session {store.Id} is saved up to the last turn that could be written. {failure.Remedy}", Style.Dim);
        }

        return failure.ExitCode;
    }

    public async Task RunTurnAsync(string text, CancellationToken cancellationToken)
    {
        _parts.View.Begin();
        var prompt = InterruptedTurns.WithNote(_parts.Store.TakeNotes(), text);
        await _parts.Driver.DriveAsync(new UserTurn(prompt), cancellationToken).ConfigureAwait(false);
        _lastWasInterrupt = _parts.Driver.Interrupted;
        _parts.Store.Save();
        _parts.Meter.Learnt(_parts.Agent.Client.ContextWindow); // #16: the window the server said, once the first request asked
        SessionBanner.Status(_parts);
        if (_parts.Meter.ShouldCompact())
        {
            _parts.Surface.WriteLine($"Context is {_parts.Meter.Percent()} full: compacting the conversation.", Style.Dim);
            await CompactAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The session compacts (#14: the loop owns it); the session file then holds the summary, and keeps everything before.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        if (await _parts.Driver.DriveAsync(new Compact(), cancellationToken).ConfigureAwait(false) is CompactCompleted { Compacted: true })
        {
            _parts.Store.Replaced();
            _parts.View.Reset();
            _parts.Surface.WriteLine("Compacted: the conversation is now a summary (the session file keeps everything).", Style.Dim);
        }
    }

    public int Goodbye()
    {
        _parts.Store.Save();
        _parts.Surface.WriteLine($"Session saved: {_parts.Store.Id} (resume with: sov --resume {_parts.Store.Id})", Style.Dim);
        return ExitCodes.Ok;
    }

    public int SwitchTo(string id)
    {
        _parts.Store.Save();
        _parts.Surface.WriteLine($"Session saved: {_parts.Store.Id}. Switching to {id}.", Style.Dim);
        _switchTo = id;
        return ExitCodes.Ok;
    }
}
