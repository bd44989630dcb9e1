using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A request about to leave through the egress gate (written before it is sent). <see cref="BodySha256"/>
/// names the exact bytes that left, already redacted, in the body store.
/// </summary>
public sealed record EgressRequestRecord(long Request, string Method, string Origin, string Path, long BytesOut,
    string? BodySha256, int Redactions, string Purpose) : IJournalRecord
{
    public string Type => "egress_request";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("request", Request);
        writer.WriteString("purpose", Purpose);
        writer.WriteString("method", Method);
        writer.WriteString("origin", Origin);
        writer.WriteString("path", Path);
        writer.WriteNumber("bytes_out", BytesOut);
        if (BodySha256 is null)
        {
            writer.WriteNull("body_sha256");
        }
        else
        {
            writer.WriteString("body_sha256", BodySha256);
        }

        writer.WriteNumber("redactions", Redactions);
    }
}
