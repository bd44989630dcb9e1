using Sov.Cli.Terminal;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/help</c>: the built-in commands and the person's own.</summary>
internal sealed class HelpCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["help"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        foreach (var (name, help) in SlashCommand.BuiltIns)
        {
            session.Surface.Write($"  /{name,-10}", Style.Accent);
            session.Surface.WriteLine(help);
        }

        foreach (var (name, origin) in session.Custom.Names)
        {
            session.Surface.Write($"  /{name,-10}", Style.Accent);
            session.Surface.WriteLine($"custom command ({origin})");
        }

        return Task.FromResult<int?>(null);
    }
}
