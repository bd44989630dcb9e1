namespace Sov.Cli.Interactive.Slash;

/// <summary>One built-in slash command of the terminal session (its help is in <see cref="SlashCommand.BuiltIns"/>).</summary>
internal interface ISlashCommand
{
    /// <summary>The names it answers to, without the slash (the first is the one /help lists).</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Runs it; returns an exit code when the session should end.</summary>
    Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken);
}
