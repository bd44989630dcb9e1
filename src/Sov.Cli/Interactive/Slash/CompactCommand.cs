namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/compact</c>: the session summarises the conversation to free context.</summary>
internal sealed class CompactCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["compact"];

    public async Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        await session.Turns.CompactAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }
}
