using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;

namespace Sov.Core.Agent.Protocol;

/// <summary>
/// The protocol's JSON lines (docs/stream-json.md), one object per line, written by the generated
/// serialiser and made <see cref="VisibleJson">readable but inert</see>: quotes, <c>+</c>, <c>&lt;</c>,
/// <c>&gt;</c>, backticks and printable letters stay literal; every code point a terminal may act on or hide
/// is <c>\uXXXX</c>. The reader of the JSON gets the exact string either way (issue #11, #14).
/// </summary>
public static class ProtocolJson
{
    /// <summary>The <c>version</c> of the schema; fields are only ever added within it.</summary>
    public const int SchemaVersion = 1;

    // Never used alone: it lets bidi controls and zero-width characters through raw; VisibleJson escapes them after.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(AgentEvent agentEvent) => Write(agentEvent, ProtocolJsonContext.Default.AgentEvent);

    public static string Line(StreamFrame frame) => Write(frame, ProtocolJsonContext.Default.StreamFrame);

    public static string Line(Submission submission) => Write(submission, ProtocolJsonContext.Default.Submission);

    /// <summary>One event line back into its record (a subagent's parent, a client of stream-json).</summary>
    /// <exception cref="SovException">The line is not an event of this schema.</exception>
    public static AgentEvent ReadEvent(string line) => Read(line, ProtocolJsonContext.Default.AgentEvent, "event");

    /// <summary>One submission line from a front end.</summary>
    /// <exception cref="SovException">The line is not a submission of this schema.</exception>
    public static Submission ReadSubmission(string line) => Read(line, ProtocolJsonContext.Default.Submission, "submission");

    private static string Write<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return VisibleJson.Escape(buffer.WrittenSpan);
    }

    private static T Read<T>(string line, JsonTypeInfo<T> type, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return JsonSerializer.Deserialize(line, type)
                ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new SovException(
                $"Not a protocol {what}: {e.Message.ReplaceLineEndings(" ")}",
                "Send one JSON object per line whose \"type\" and fields are listed in docs/stream-json.md.",
                ExitCodes.Usage);
        }
    }
}
