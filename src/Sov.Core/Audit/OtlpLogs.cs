using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// Journal records as an OTLP/HTTP JSON logs request (<c>POST /v1/logs</c>), one log record per journal
/// record: the exact line as the body, and <c>sov.session</c>, <c>sov.seq</c>, <c>sov.type</c>,
/// <c>sov.hash</c> as attributes, so the collector side can re-verify the chain.
/// </summary>
public static class OtlpLogs
{
    public static byte[] Build(string session, IEnumerable<JournalLine> lines, string version)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("resourceLogs");
            w.WriteStartObject();
            w.WriteStartObject("resource");
            w.WriteStartArray("attributes");
            Attribute(w, "service.name", "sov");
            Attribute(w, "service.version", version);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("scopeLogs");
            w.WriteStartObject();
            w.WriteStartObject("scope");
            w.WriteString("name", "sov.audit");
            w.WriteEndObject();
            w.WriteStartArray("logRecords");
            foreach (var line in lines)
            {
                w.WriteStartObject();
                w.WriteString("timeUnixNano", UnixNanos(line.Ts));
                w.WriteString("severityText", Export.UnparseableLine.IsStub(line) ? "WARN" : "INFO");
                w.WriteStartObject("body");
                w.WriteString("stringValue", line.Text);
                w.WriteEndObject();
                w.WriteStartArray("attributes");
                Attribute(w, "sov.session", session);
                w.WriteStartObject();
                w.WriteString("key", "sov.seq");
                w.WriteStartObject("value");
                w.WriteString("intValue", line.Seq.ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
                w.WriteEndObject();
                Attribute(w, "sov.type", line.Type);
                Attribute(w, "sov.hash", line.Hash);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Attribute(Utf8JsonWriter w, string key, string value)
    {
        w.WriteStartObject();
        w.WriteString("key", key);
        w.WriteStartObject("value");
        w.WriteString("stringValue", value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string UnixNanos(string ts) =>
        DateTimeOffset.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture)
            : "0";
}
