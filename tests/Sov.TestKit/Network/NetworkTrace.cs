namespace Sov.TestKit.Network;

/// <summary>What a process tree did on the network while the observer watched, and how it ended.</summary>
public sealed record NetworkTrace(IReadOnlyList<NetworkAttempt> Attempts, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Distinct internet destinations (<c>address:port</c>) connected or sent to.</summary>
    public IReadOnlyList<string> Destinations =>
        [.. Attempts.Where(a => a.IsInternet && a.Port != 53).Select(a => $"{a.Address}:{a.Port}").Distinct().Order(StringComparer.Ordinal)];

    public IReadOnlyList<NetworkAttempt> NameResolution => [.. Attempts.Where(a => a.IsNameResolution)];
}
