namespace Sov.Cli.Interactive.Slash;

/// <summary>What the terminal session does for a slash command: run a turn, compact, end, switch sessions.</summary>
internal interface ITerminalTurns
{
    Task RunTurnAsync(string text, CancellationToken cancellationToken);

    Task CompactAsync(CancellationToken cancellationToken);

    /// <summary>Saves the session and says how to resume it; returns the exit code that ends it.</summary>
    int Goodbye();

    /// <summary>Ends this session (saved, its journal sealed) to open session <paramref name="id"/>; returns the exit code that ends this one.</summary>
    int SwitchTo(string id);
}
