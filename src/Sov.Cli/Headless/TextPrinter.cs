using Sov.Core.Agent.Events;
using Sov.Cli.Terminal;

namespace Sov.Cli.Headless;

/// <summary>
/// <c>--output-format text</c>: the final answer on stdout (so <c>sov exec … &gt; answer.md</c> works);
/// tool calls, warnings and errors on stderr, one line each (errors: what went wrong, what to do).
/// Every string from the event goes through <see cref="TerminalSafe"/> first (issue #11).
/// </summary>
internal sealed class TextPrinter(TextWriter output, TextWriter error) : IEventPrinter
{
    public void Start(SessionInfo session)
    {
    }

    public void Print(AgentEvent agentEvent)
    {
        switch (agentEvent)
        {
            case ToolCallRequested c:
                error.WriteLine($"> {TerminalSafe.Line(c.Name)} {Shorten(c.Arguments, 160)}");
                break;
            case ToolResult { IsError: true } r when r.Output.StartsWith(Sov.Core.Tools.ToolOutput.DeniedPrefix, StringComparison.Ordinal):
                break; // the Warning before it said why, in words for the person; the rest was for the model
            case ToolResult { IsError: true } r:
                error.WriteLine($"  {TerminalSafe.Line(r.Name)} failed: {Shorten(r.Output, 200)}");
                break;
            case ToolResult r:
                error.WriteLine($"  {TerminalSafe.Line(r.Name)} ok: {Shorten(r.Output.TrimStart().Split('\n', 2)[0], 120)}"); // #15.9
                break;
            case SubagentStarted started:
                error.WriteLine($"  [{TerminalSafe.Line(started.ChildId)}] {TerminalSafe.Line(started.Agent)}: {Shorten(started.Description, 120)}");
                break;
            case SubagentEvent child:
                var inner = new StringWriter();
                new TextPrinter(TextWriter.Null, inner).Print(child.Event);
                foreach (var line in inner.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    error.WriteLine($"  [{TerminalSafe.Line(child.ChildId)}] {line.TrimEnd('\r')}"); // #17: a subagent's activity, indented and named
                }

                break;
            case SubagentCompleted done:
                error.WriteLine($"  [{TerminalSafe.Line(done.ChildId)}] {done.Outcome.ToString().ToLowerInvariant()} after {done.Requests} request(s){(done.Truncated ? "; its answer was cut" : "")}");
                break;
            case Warning w:
                error.WriteLine($"sov: warning: {TerminalSafe.Text(w.Message)}");
                break;
            case Error e:
                error.WriteLine($"sov: {TerminalSafe.Text(e.Message)}");
                error.WriteLine($"  {TerminalSafe.Text(e.Remedy)}");
                break;
            case TurnCompleted { Outcome: TurnOutcome.Interrupted }:
                error.WriteLine("sov: interrupted.");
                break;
            case TurnCompleted t when t.FinalText.Length > 0:
                output.WriteLine(TerminalSafe.Text(t.FinalText.TrimEnd()));
                break;
        }
    }

    public void Finish(int exitCode)
    {
        output.Flush();
        error.Flush();
    }

    private static string Shorten(string text, int max)
    {
        var line = TerminalSafe.Line(text);
        if (line.Length <= max)
        {
            return line;
        }

        return line[..(char.IsHighSurrogate(line[max - 1]) ? max - 1 : max)] + "...";
    }
}
