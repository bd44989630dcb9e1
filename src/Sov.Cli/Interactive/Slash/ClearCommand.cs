using Sov.Cli.Terminal;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/clear</c>: a fresh conversation; the session file keeps the earlier one.</summary>
internal sealed class ClearCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["clear"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        session.Session.Reset([]);
        session.Store.Replaced();
        session.View.Reset();
        session.Surface.WriteLine("Started a fresh conversation (the session file keeps the earlier one).", Style.Dim);
        return Task.FromResult<int?>(null);
    }
}
