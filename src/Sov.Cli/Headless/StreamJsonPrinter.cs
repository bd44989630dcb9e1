using Sov.Core.Agent.Events;
using Sov.Core.Agent.Protocol;

namespace Sov.Cli.Headless;

/// <summary>
/// <c>--output-format stream-json</c>: one JSON object per line per event, then an "exit" line, each
/// carrying the session id (docs/stream-json.md; written by <see cref="ProtocolJson"/>).
/// </summary>
internal sealed class StreamJsonPrinter(TextWriter output) : IEventPrinter
{
    private string? _sessionId;

    public void Start(SessionInfo session)
    {
        _sessionId = session.SessionId;
        Write(ProtocolJson.Line(new SessionStarted(ProtocolJson.SchemaVersion, session.Model, session.Endpoint, session.Workspace, session.Tools) { SessionId = _sessionId }));
    }

    public void Print(AgentEvent agentEvent) => Write(ProtocolJson.Line(Stamped(agentEvent)));

    /// <summary>The event with the session id, a subagent's inner event too (#17).</summary>
    private AgentEvent Stamped(AgentEvent agentEvent)
    {
        var stamped = agentEvent.SessionId is null ? agentEvent with { SessionId = _sessionId } : agentEvent;
        return stamped is SubagentEvent child ? child with { Event = Stamped(child.Event) } : stamped;
    }

    public void Finish(int exitCode) => Write(ProtocolJson.Line(new ProcessExit(exitCode) { SessionId = _sessionId }));

    private void Write(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
