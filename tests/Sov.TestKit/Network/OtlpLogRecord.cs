using System.Globalization;
using System.Text.Json;

namespace Sov.TestKit.Network;

/// <summary>
/// One log record as an OTLP collector receives it from sov (#20): the body's string value, and the <c>sov.session</c>,
/// <c>sov.seq</c>, <c>sov.type</c>, <c>sov.hash</c> attributes. <see cref="Parse"/> reads an <c>ExportLogsServiceRequest</c>
/// in the OTLP JSON mapping and throws on anything it does not allow (64-bit integers as decimal strings, enum-free keys in lowerCamelCase).
/// </summary>
public sealed record OtlpLogRecord(string Session, long Seq, string Type, string Hash, string Body, ulong TimeUnixNano)
{
    public static List<OtlpLogRecord> Parse(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var records = new List<OtlpLogRecord>();
        foreach (var resource in doc.RootElement.GetProperty("resourceLogs").EnumerateArray())
        {
            _ = Attributes(resource.GetProperty("resource"))["service.name"];
            foreach (var scope in resource.GetProperty("scopeLogs").EnumerateArray())
            {
                foreach (var log in scope.GetProperty("logRecords").EnumerateArray())
                {
                    var attributes = Attributes(log);
                    var time = ulong.Parse(log.GetProperty("timeUnixNano").GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
                    records.Add(new OtlpLogRecord(attributes["sov.session"].GetProperty("stringValue").GetString()!,
                        long.Parse(attributes["sov.seq"].GetProperty("intValue").GetString()!, NumberStyles.None, CultureInfo.InvariantCulture),
                        attributes["sov.type"].GetProperty("stringValue").GetString()!,
                        attributes["sov.hash"].GetProperty("stringValue").GetString()!,
                        log.GetProperty("body").GetProperty("stringValue").GetString()!, time));
                }
            }
        }

        return records;
    }

    private static Dictionary<string, JsonElement> Attributes(JsonElement owner) =>
        owner.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").Clone());
}
