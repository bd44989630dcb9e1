using Sov.Core.Agent.Events;

namespace Sov.Cli.Headless;

/// <summary>
/// <c>--output-format json</c>: nothing until the end, then one JSON object: outcome, exit code, the
/// final answer, tool calls with their results, summed usage, warnings and the error if any.
/// </summary>
internal sealed class JsonPrinter(TextWriter output) : IEventPrinter
{
    private readonly List<ToolCallRequested> _calls = [];
    private readonly Dictionary<string, ToolResult> _results = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private SessionInfo? _session;
    private TurnCompleted? _completed;
    private Error? _error;
    private long? _input;
    private long? _output;

    public void Start(SessionInfo session) => _session = session;

    public void Print(AgentEvent agentEvent)
    {
        switch (agentEvent)
        {
            case ToolCallRequested c:
                _calls.Add(c);
                break;
            case ToolResult r:
                _results[r.CallId] = r;
                break;
            case Warning w:
                _warnings.Add(w.Message);
                break;
            case Error e:
                _error = e;
                break;
            case Usage u:
                _input = u.InputTokens is { } i ? (_input ?? 0) + i : _input;
                _output = u.OutputTokens is { } o ? (_output ?? 0) + o : _output;
                break;
            case TurnCompleted t:
                _completed = t;
                break;
        }
    }

    public void Finish(int exitCode)
    {
        output.WriteLine(EventJson.Line(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "result");
            w.WriteNumber("version", EventJson.SchemaVersion);
            w.WriteString("outcome", _completed is null ? "failed" : EventJson.Outcome(_completed.Outcome));
            w.WriteNumber("exit_code", exitCode);
            w.WriteString("final_text", _completed?.FinalText ?? "");
            w.WriteNumber("requests", _completed?.Requests ?? 0);
            w.WriteString("model", _session?.Model ?? "");
            w.WriteStartObject("usage");
            EventJson.WriteNullable(w, "input_tokens", _input);
            EventJson.WriteNullable(w, "output_tokens", _output);
            w.WriteEndObject();
            w.WriteStartArray("tool_calls");
            foreach (var call in _calls)
            {
                w.WriteStartObject();
                w.WriteString("call_id", call.CallId);
                w.WriteString("name", call.Name);
                w.WriteString("arguments", call.Arguments);
                if (_results.TryGetValue(call.CallId, out var result))
                {
                    w.WriteBoolean("is_error", result.IsError);
                    w.WriteString("output", result.Output);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var warning in _warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            if (_error is null)
            {
                w.WriteNull("error");
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("message", _error.Message);
                w.WriteString("remedy", _error.Remedy);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }));
        output.Flush();
    }
}
