using Sov.Core.Audit.Records;
using Sov.Core.Secrets;

namespace Sov.Core.Audit;

/// <summary>
/// Writes the gate's reports into a session journal: the body into the content-addressed store, then an
/// <c>egress_request</c> record (and a <c>redaction</c> record listing kind and hash8 of each secret replaced),
/// an <c>egress_response</c> record when the response has been read, and <c>egress_refused</c> records.
/// </summary>
public sealed class JournalEgressObserver(Journal journal) : IEgressObserver
{
    private long _requests;

    public void Refused(string method, string destination, string reason) =>
        journal.Append(new EgressRefusedRecord(method, destination, reason));

    public long Sending(string purpose, string method, string origin, string path, ReadOnlySpan<byte> body, bool hasBody,
        IReadOnlyList<Redaction> redactions)
    {
        ArgumentNullException.ThrowIfNull(redactions);
        var id = Interlocked.Increment(ref _requests);
        string? sha = null;
        try
        {
            sha = hasBody ? journal.Bodies.Put(body) : null;
        }
        catch (StateWriteException e)
        {
            journal.Fail(e); // the session stops: nothing more is journaled or sent (#13.1)
            throw;
        }

        if (redactions.Count > 0)
        {
            journal.Append(new RedactionRecord(id, redactions));
        }

        journal.Append(new EgressRequestRecord(id, method, origin, path, body.Length, sha, redactions.Count, purpose));
        return id;
    }

    public void Completed(long request, int? status, long bytesIn, TimeSpan duration, string? error) =>
        journal.TryAppend(new EgressResponseRecord(request, status, bytesIn, (long)duration.TotalMilliseconds, error));
}
