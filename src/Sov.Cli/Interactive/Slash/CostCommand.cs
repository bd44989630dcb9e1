namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/cost</c>: tokens used this session and how full the context is.</summary>
internal sealed class CostCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["cost"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var meter = session.Meter;
        session.Surface.WriteLine($"session {ContextMeter.Tokens(session.View.SessionTokens)} tokens; context {meter.Used()} of {ContextMeter.Tokens(meter.Window)} ({meter.Percent()}). Self-hosted: no bill.");
        return Task.FromResult<int?>(null);
    }
}
