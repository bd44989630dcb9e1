using Sov.Core.Secrets;

namespace Sov.Core.Audit;

/// <summary>
/// What the egress gate reports, in order, for every request: refused (it never left), or about to leave
/// (with the exact body that will leave), then completed (status, bytes received, duration or error).
/// Each call returns only after the report is durable, so the report precedes the act it describes.
/// </summary>
public interface IEgressObserver
{
    void Refused(string method, string destination, string reason);

    /// <summary>Returns the request's id within the session, used by <see cref="Completed"/>.</summary>
    long Sending(string purpose, string method, string origin, string path, ReadOnlySpan<byte> body, bool hasBody,
        IReadOnlyList<Redaction> redactions);

    void Completed(long request, int? status, long bytesIn, TimeSpan duration, string? error);
}
