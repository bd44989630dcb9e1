namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/privacy</c>: where this session may send anything.</summary>
internal sealed class PrivacyNoteCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["privacy"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var origin = new Uri(session.Agent.BaseUrl.GetLeftPart(UriPartial.Authority));
        session.Surface.WriteLine($"This session may contact only {origin}; 'sov privacy' says what is read and sent.");
        return Task.FromResult<int?>(null);
    }
}
