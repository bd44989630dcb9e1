using Microsoft.Extensions.AI;
using Sov.Core;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Config;
using Sov.Core.Sessions;
using Sov.Cli.Session;

namespace Sov.Cli.Headless;

/// <summary>
/// Puts one headless run together: settings by precedence, the endpoint (configured, or found on
/// loopback), the key from the named variable only, an HttpClient from the egress gate, the system
/// prompt, the file and process borders (writing tools, permission gate: ask means deny), the agent
/// session (a new one, or with <c>--continue</c> the workspace's last, from <see cref="SessionWiring"/>); then prints its
/// events, refuses what asks for a person, and appends the turn to the session file (the loop stores the turn's checkpoint). A turn a killed run left
/// unfinished is recovered first (#13.7): the person is warned, and a continued session's model is told.
/// </summary>
internal static class ExecRunner
{
    public static async Task<int> RunAsync(CliContext context, ExecRequest request, CancellationToken cancellationToken)
    {
        IEventPrinter printer = request.Format switch
        {
            OutputFormat.Json => new JsonPrinter(context.Out),
            OutputFormat.StreamJson => new StreamJsonPrinter(context.Out),
            _ => new TextPrinter(context.Out, context.Error),
        };

        using var agent = await PreparedAgent.PrepareAsync(context, request.Flags, request.WorkspaceRoot, cancellationToken,
            modeFlag: request.Flags.Mode, session: request.Continue ? new SessionChoice(Newest: true) : SessionChoice.New).ConfigureAwait(false);
        var (settings, workspace, model, baseUrl) = (agent.Settings, agent.Workspace, agent.Model, agent.BaseUrl);
        await using var wired = await SessionWiring.BuildAsync(context, agent, request.Flags.Mode, headless: true, gateFor: null, cancellationToken).ConfigureAwait(false);
        var (session, borders, mcp) = (wired.Session, wired.Borders, wired.Mcp);
        var recovered = InterruptedTurns.Recover(borders.Services.Undo.Store);
        var (file, history, opened, pending) = OpenSession(context, agent, request.Continue);
        borders.Services.Undo.Session = file.Id;
        printer.Start(new SessionInfo(model, baseUrl.ToString(), workspace.Root, [.. wired.Tools.All.Select(t => t.Name)], file.Id));
        foreach (var warning in settings.Warnings.Concat(borders.Warnings).Concat(mcp.Warnings).Concat(wired.Warnings).Append(agent.Instructions.Warning).Concat(agent.Skills.Warnings).Concat(recovered).Append(opened).OfType<string>())
        {
            printer.Print(new Warning(warning));
        }

        using (file)
        {
            if (history.Count > 0)
            {
                session.Reset(history);
            }

            var note = InterruptedTurns.NoteFor(borders.Services.Undo.Store, file.Id, history);
            if (note is not null)
            {
                printer.Print(new Warning("The last turn of this session was interrupted; the model is told so, and which files it changed, with this prompt."));
            }

            using var onCancel = cancellationToken.Register(() => session.Submit(new Interrupt()));
            session.Submit(new UserTurn(InterruptedTurns.WithNote(UndoNotes.Join([note, .. pending]), request.Prompt)));
            var exitCode = ExitCodes.Failed;
            await foreach (var agentEvent in session.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                printer.Print(agentEvent);
                switch (agentEvent)
                {
                    case ApprovalRequested ask:
                        // Nobody can answer in exec: what a tool asks (hidden characters in a write) is refused, as before (#14: but shown as an event).
                        session.Submit(new Deny(ask.CallId, "nobody can approve in sov exec"));
                        break;
                    case Error error:
                        exitCode = error.ExitCode;
                        break;
                    case TurnCompleted done:
                        exitCode = done.Outcome switch
                        {
                            TurnOutcome.Completed => ExitCodes.Ok,
                            TurnOutcome.Interrupted => ExitCodes.Interrupted,
                            TurnOutcome.MaxTurns => ExitCodes.Failed,
                            _ => exitCode,
                        };
                        break;
                }

                if (agentEvent is TurnCompleted)
                {
                    break;
                }
            }

            if (exitCode == ExitCodes.Ok && agent.Journal.Journal.Failure is { } failure)
            {
                throw failure; // the journal could not be written (#13.1): the run must not claim success
            }

            file.Append(session.History.Skip(history.Count).ToList());
            printer.Finish(exitCode);
            agent.Journal.Finish(exitCode);
            return exitCode;
        }
    }

    /// <summary>The session's file under its one id (#14): new, or with <paramref name="resume"/> the workspace's newest and its history,
    /// a note when there is none or part of it could not be loaded, and the notes for the model saved since its last message.</summary>
    private static (SessionFile File, List<ChatMessage> History, string? Note, IReadOnlyList<string> Pending) OpenSession(CliContext context, PreparedAgent agent, bool resume)
    {
        var (file, loaded) = SessionResume.OpenOrCreate(context, agent);
        if (loaded is null)
        {
            return (file, [], resume ? "No earlier session in this workspace: starting a new one." : null, []);
        }

        return (file, loaded.Messages, loaded.Warnings.Count > 0 ? string.Join(" ", loaded.Warnings) : null, loaded.PendingNotes);
    }
}
