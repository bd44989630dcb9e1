using Sov.Cli.Borders;
using Sov.Core;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Config;
using Sov.Cli.Session;

namespace Sov.Cli.Headless;

/// <summary>
/// Puts one headless run together: settings by precedence, the endpoint (configured, or found on
/// loopback), the key from the named variable only, an HttpClient from the egress gate, the system
/// prompt, the file and process borders (writing tools, permission gate: ask means deny), the agent
/// session; then prints its events and stores the turn's checkpoint for sov undo.
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

        using var agent = await PreparedAgent.PrepareAsync(context, request.Flags, request.WorkspaceRoot, cancellationToken).ConfigureAwait(false);
        var (settings, workspace, tools, model, baseUrl) = (agent.Settings, agent.Workspace, agent.Tools, agent.Model, agent.BaseUrl);
        var borders = await SessionBorders.CreateAsync(context, workspace, request.Flags.Mode, headless: true, cancellationToken).ConfigureAwait(false);
        await using var mcp = await McpServers.ConnectAsync(context, agent, borders, cancellationToken).ConfigureAwait(false);
        var (session, sink) = SessionWiring.Build(agent, borders, borders.Gate);
        printer.Start(new SessionInfo(model, baseUrl.ToString(), workspace.Root, [.. tools.All.Select(t => t.Name)]));
        foreach (var warning in settings.Warnings.Concat(borders.Warnings).Concat(mcp.Warnings).Append(agent.Instructions.Warning).OfType<string>())
        {
            printer.Print(new Warning(warning));
        }

        await using (session.ConfigureAwait(false))
        {
            using var onCancel = cancellationToken.Register(() => session.Submit(new Interrupt()));
            session.Submit(new UserTurn(request.Prompt));
            var exitCode = ExitCodes.Failed;
            await foreach (var agentEvent in session.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                printer.Print(agentEvent);
                sink.Record(agentEvent);
                if (agentEvent is Error error)
                {
                    exitCode = error.ExitCode;
                }

                if (agentEvent is TurnCompleted done)
                {
                    exitCode = done.Outcome switch
                    {
                        TurnOutcome.Completed => ExitCodes.Ok,
                        TurnOutcome.Interrupted => ExitCodes.Interrupted,
                        TurnOutcome.MaxTurns => ExitCodes.Failed,
                        _ => exitCode,
                    };
                    break;
                }
            }

            borders.Services.Undo.EndTurn();
            printer.Finish(exitCode);
            agent.Journal.Finish(exitCode);
            return exitCode;
        }
    }
}
