using Sov.Core.Agent.Events;
using Sov.Core.Text;

namespace Sov.Cli.Headless;

/// <summary>
/// <c>--output-format text</c>: the final answer on stdout (so <c>sov exec … &gt; answer.md</c> works);
/// tool calls, warnings and errors on stderr, one line each (errors: what went wrong, what to do).
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
                error.WriteLine($"> {c.Name} {Shorten(c.Arguments, 160)}");
                break;
            case ToolResult { IsError: true } r:
                error.WriteLine($"  {r.Name} failed: {Shorten(r.Output, 200)}");
                break;
            case Warning w:
                error.WriteLine($"sov: warning: {w.Message}");
                break;
            case Error e:
                error.WriteLine($"sov: {e.Message}");
                error.WriteLine($"  {e.Remedy}");
                break;
            case TurnCompleted { Outcome: TurnOutcome.Interrupted }:
                error.WriteLine("sov: interrupted.");
                break;
            case TurnCompleted t when t.FinalText.Length > 0:
                output.WriteLine(TextBorder.Reveal(t.FinalText.TrimEnd()));
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
        var line = TextBorder.Reveal(text.ReplaceLineEndings(" "));
        return line.Length > max ? line[..max] + "..." : line;
    }
}
