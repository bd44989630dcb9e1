using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sov.Core.Agent.Events;

namespace Sov.Cli.Headless;

/// <summary>
/// The stable JSON form of each agent event (docs/stream-json.md). Written by hand (AOT): a
/// snake_case "type" and snake_case fields. Every string is written with the default encoder, which
/// escapes all but printable ASCII (ESC, BEL, C1 such as U+009B, bidi controls, tag characters become
/// <c>\uXXXX</c>): the reader of the JSON gets the exact string, a terminal showing it gets no escape
/// (issue #11). Never switch to an encoder that lets any of them through raw, such as UnsafeRelaxedJsonEscaping.
/// </summary>
internal static class EventJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Line(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteSession(Utf8JsonWriter w, SessionInfo session)
    {
        w.WriteStartObject();
        w.WriteString("type", "session_started");
        w.WriteNumber("version", SchemaVersion);
        w.WriteString("model", session.Model);
        w.WriteString("endpoint", session.Endpoint);
        w.WriteString("workspace", session.Workspace);
        w.WriteStartArray("tools");
        foreach (var tool in session.Tools)
        {
            w.WriteStringValue(tool);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, AgentEvent e)
    {
        w.WriteStartObject();
        switch (e)
        {
            case TurnStarted t:
                w.WriteString("type", "turn_started");
                w.WriteNumber("turn", t.Turn);
                w.WriteString("prompt", t.Prompt);
                break;
            case AssistantDelta d:
                w.WriteString("type", "assistant_delta");
                w.WriteString("text", d.Text);
                break;
            case ReasoningDelta r:
                w.WriteString("type", "reasoning_delta");
                w.WriteString("text", r.Text);
                break;
            case ToolCallRequested c:
                w.WriteString("type", "tool_call_requested");
                w.WriteString("call_id", c.CallId);
                w.WriteString("name", c.Name);
                w.WriteString("arguments", c.Arguments);
                w.WriteString("source", c.Source);
                break;
            case ApprovalRequested a:
                w.WriteString("type", "approval_requested");
                w.WriteString("call_id", a.CallId);
                w.WriteString("name", a.Name);
                w.WriteString("arguments", a.Arguments);
                w.WriteString("reason", a.Reason);
                break;
            case ToolResult r:
                w.WriteString("type", "tool_result");
                w.WriteString("call_id", r.CallId);
                w.WriteString("name", r.Name);
                w.WriteBoolean("is_error", r.IsError);
                w.WriteString("output", r.Output);
                break;
            case FileChanged f:
                w.WriteString("type", "file_changed");
                w.WriteString("path", f.Path);
                w.WriteString("change", f.Change);
                break;
            case Usage u:
                w.WriteString("type", "usage");
                WriteNullable(w, "input_tokens", u.InputTokens);
                WriteNullable(w, "output_tokens", u.OutputTokens);
                WriteNullable(w, "total_tokens", u.TotalTokens);
                break;
            case Warning warning:
                w.WriteString("type", "warning");
                w.WriteString("message", warning.Message);
                break;
            case Error error:
                w.WriteString("type", "error");
                w.WriteString("message", error.Message);
                w.WriteString("remedy", error.Remedy);
                w.WriteNumber("exit_code", error.ExitCode);
                break;
            case TurnCompleted done:
                w.WriteString("type", "turn_completed");
                w.WriteNumber("turn", done.Turn);
                w.WriteString("outcome", Outcome(done.Outcome));
                w.WriteString("final_text", done.FinalText);
                w.WriteNumber("requests", done.Requests);
                break;
            default:
                w.WriteString("type", "unknown");
                break;
        }

        w.WriteEndObject();
    }

    public static string Outcome(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Completed => "completed",
        TurnOutcome.Failed => "failed",
        TurnOutcome.Interrupted => "interrupted",
        _ => "max_turns",
    };

    public static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
