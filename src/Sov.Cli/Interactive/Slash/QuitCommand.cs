namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/quit</c> (also <c>/exit</c>, <c>/q</c>): saves and ends the session.</summary>
internal sealed class QuitCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["quit", "exit", "q"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult<int?>(session.Turns.Goodbye());
}
