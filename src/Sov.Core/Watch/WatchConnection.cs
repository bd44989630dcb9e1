namespace Sov.Core.Watch;

/// <summary>
/// One destination the watched command tried to reach: how (<c>Result</c>: <c>connected</c>, <c>sent</c> or
/// the error, e.g. <c>ECONNREFUSED</c>), the name a lookup gave it (null when none did), whether it is
/// <see cref="HardCoded"/> (no lookup produced it), the TLS server names sent to it, and the bytes sent.
/// </summary>
public sealed record WatchConnection(
    TraceEndpoint Endpoint,
    string? Name,
    bool HardCoded,
    bool Expected,
    string Result,
    long BytesSent,
    IReadOnlyList<string> ServerNames)
{
    /// <summary>A resolver's port: the lookups themselves, listed but never flagged as hard-coded.</summary>
    public bool IsResolver => Endpoint.Port == 53;
}
