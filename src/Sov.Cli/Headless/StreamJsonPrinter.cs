using Sov.Core.Agent.Events;

namespace Sov.Cli.Headless;

/// <summary><c>--output-format stream-json</c>: one JSON object per line per event, then an "exit" line.</summary>
internal sealed class StreamJsonPrinter(TextWriter output) : IEventPrinter
{
    public void Start(SessionInfo session) => output.WriteLine(EventJson.Line(w => EventJson.WriteSession(w, session)));

    public void Print(AgentEvent agentEvent)
    {
        output.WriteLine(EventJson.Line(w => EventJson.Write(w, agentEvent)));
        output.Flush();
    }

    public void Finish(int exitCode)
    {
        output.WriteLine(EventJson.Line(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "exit");
            w.WriteNumber("exit_code", exitCode);
            w.WriteEndObject();
        }));
        output.Flush();
    }
}
