namespace Sov.Core.Processes;

/// <summary>A command for the shell tool: bash source text, run in <see cref="WorkingDirectory"/> (inside the workspace).</summary>
public sealed record ShellRequest(string Command, string WorkingDirectory, TimeSpan Timeout)
{
    /// <summary>Absolute paths the command must not see (files read rules hold back); the sandbox masks them.</summary>
    public IReadOnlyList<string> Masks { get; init; } = [];

    /// <summary>
    /// The protected entries found in the workspace just before the command (<see cref="Files.ProtectedEntries"/>),
    /// which the sandbox binds read-only; null when the caller did not look, and the sandbox looks itself.
    /// </summary>
    public IReadOnlyList<string>? Protected { get; init; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(600);

    /// <summary>The timeout the model asked for, defaulted and clamped to 1..600 seconds.</summary>
    public static TimeSpan TimeoutFrom(double? seconds) =>
        seconds is null or <= 0 or double.NaN ? DefaultTimeout : TimeSpan.FromSeconds(Math.Min(seconds.Value, MaxTimeout.TotalSeconds));
}
