using Sov.Cli.Terminal;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/model</c> shows the model and what the server serves; <c>/model NAME</c> switches for the next turn.</summary>
internal sealed class ModelCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["model"];

    public async Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var (surface, agent, meter) = (session.Surface, session.Agent, session.Meter);
        if (arguments.Length == 0)
        {
            surface.WriteLine($"model {agent.Model} at {agent.BaseUrl}, context window {ContextMeter.Tokens(meter.Window)} tokens");
            if (await agent.ServedModelsAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } served)
            {
                surface.WriteLine($"the server serves: {string.Join(", ", served)} (/model NAME to switch)", Style.Dim);
            }

            return null;
        }

        if (await agent.SwitchModelAsync(arguments, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            surface.WriteLine(problem, Style.Error);
            return null;
        }

        meter.Switched(arguments, agent.Settings.ContextWindow);
        surface.WriteLine($"model {arguments} from the next turn on, context window {ContextMeter.Tokens(meter.Window)} tokens (the conversation carries over)");
        return null;
    }
}
