namespace Sov.Core.Audit.Export;

/// <summary>One attempt's result: the outcome, a one-line description, the collector's <c>Retry-After</c> if it gave one, and
/// how many records it said it rejected in an accepted batch (OTLP partial success),
/// and whether the collector could not be reached at all (no answer, as opposed to an error status).</summary>
public sealed record ExportResult(ExportOutcome Outcome, string Message, TimeSpan? RetryAfter = null, long Rejected = 0,
    bool Unreachable = false)
{
    public static ExportResult Accepted { get; } = new(ExportOutcome.Accepted, "accepted");
}
