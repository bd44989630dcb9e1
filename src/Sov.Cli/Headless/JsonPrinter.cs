using Sov.Core.Agent.Events;
using Sov.Core.Agent.Protocol;

namespace Sov.Cli.Headless;

/// <summary>
/// <c>--output-format json</c>: nothing until the end, then one <see cref="RunResult"/>: session id, outcome,
/// exit code, the final answer, tool calls with their results, summed usage, warnings and the error if any.
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
        var calls = _calls.Select(c => _results.TryGetValue(c.CallId, out var r)
            ? new RunToolCall(c.CallId, c.Name, c.Arguments, r.IsError, r.Output)
            : new RunToolCall(c.CallId, c.Name, c.Arguments)).ToList();
        var result = new RunResult(
            ProtocolJson.SchemaVersion,
            _completed?.Outcome ?? TurnOutcome.Failed,
            exitCode,
            _completed?.FinalText ?? "",
            _completed?.Requests ?? 0,
            _session?.Model ?? "",
            new RunUsage(_input, _output),
            calls,
            _warnings,
            _error is null ? null : new RunError(_error.Message, _error.Remedy)) { SessionId = _session?.SessionId };
        output.WriteLine(ProtocolJson.Line(result));
        output.Flush();
    }
}
