namespace Sov.Core.Hooks;

/// <summary>
/// What one hook run left: exit code, stdout and stderr (each capped), whether it was killed at its timeout,
/// how long it took, whether it ran in the sandbox; <see cref="Failure"/> says why it could not run at all.
/// </summary>
public sealed record HookProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Duration, bool Sandboxed)
{
    public string? Failure { get; init; }

    public static HookProcessResult NotRun(string why, bool sandboxed) => new(-1, "", "", false, TimeSpan.Zero, sandboxed) { Failure = why };
}
