using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// Plan mode (#17): the model handed over a plan (<c>proposed</c>), and the person <c>approved</c> or <c>rejected</c> it; the
/// plan by size and SHA-256 (its text is in the request bodies kept beside the journal). The mode chosen follows as a
/// <c>permission_mode</c> record.
/// </summary>
public sealed record PlanRecord(string CallId, string Decision, string Plan) : IJournalRecord
{
    public string Type => "plan";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var bytes = Encoding.UTF8.GetBytes(Plan);
        writer.WriteString("call_id", CallId);
        writer.WriteString("decision", Decision);
        writer.WriteNumber("bytes", bytes.Length);
        writer.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
