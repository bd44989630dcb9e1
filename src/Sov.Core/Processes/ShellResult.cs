namespace Sov.Core.Processes;

/// <summary>
/// What a shell command left: its exit code, its output (stdout and stderr interleaved as they arrived)
/// with the middle dropped when long (<see cref="DroppedBytes"/> says how much), whether it ran out of
/// time, and whether it ran inside the sandbox.
/// </summary>
public sealed record ShellResult(int ExitCode, string Output, long DroppedBytes, bool TimedOut, TimeSpan Duration, bool Sandboxed)
{
    /// <summary>What ran the command when not Sovereign's own process border (<c>editor-terminal</c>: the editor's terminal under <c>sov acp</c>, #18); journaled.</summary>
    public string? Runner { get; init; }

    /// <summary>The text the model sees.</summary>
    public string ForModel()
    {
        var status = TimedOut ? $"timed out after {Duration.TotalSeconds:0} s (killed)" : $"exit code {ExitCode}";
        var sandbox = Sandboxed ? "" : " [UNSANDBOXED]";
        return $"{status}{sandbox}\n{Output}";
    }
}
