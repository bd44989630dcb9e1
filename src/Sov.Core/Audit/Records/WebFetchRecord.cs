using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// One web_fetch (#17): the exact URL asked for, the one that answered when redirects led elsewhere, the outcome
/// (<c>fetched</c>, <c>refused</c>, <c>failed</c>), and for a fetched page its HTTP status, content type, byte size and
/// SHA-256 of the bytes received (what the model was shown was made from exactly these).
/// </summary>
public sealed record WebFetchRecord(string Url, string Outcome) : IJournalRecord
{
    public string Type => "web_fetch";

    public string? FinalUrl { get; init; }

    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public long? Bytes { get; init; }

    public string? Sha256 { get; init; }

    public bool Truncated { get; init; }

    public string? Reason { get; init; }

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("url", Url);
        writer.WriteString("outcome", Outcome);
        if (FinalUrl is not null && FinalUrl != Url)
        {
            writer.WriteString("final_url", FinalUrl);
        }

        if (Status is { } status)
        {
            writer.WriteNumber("status", status);
        }

        if (ContentType is not null)
        {
            writer.WriteString("content_type", ContentType);
        }

        if (Bytes is { } bytes)
        {
            writer.WriteNumber("bytes", bytes);
            writer.WriteString("sha256", Sha256);
            writer.WriteBoolean("truncated", Truncated);
        }

        if (Reason is not null)
        {
            writer.WriteString("reason", Reason);
        }
    }
}
