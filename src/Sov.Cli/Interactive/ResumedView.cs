using Microsoft.Extensions.AI;
using Sov.Cli.Terminal;
using Sov.Core.Agent;

namespace Sov.Cli.Interactive;

/// <summary>
/// What a resumed session shows above the prompt (#15.7): the last few exchanges, collapsed to one row each
/// (the prompt, the tools the model called, the first line of its answer), so the person sees where they were.
/// </summary>
internal static class ResumedView
{
    public const int Exchanges = 3;

    public static void Print(TerminalSurface surface, IReadOnlyList<ChatMessage> history)
    {
        var starts = history.Select((m, i) => (m, i)).Where(p => TurnPrompts.IsPrompt(p.m) && p.m.Text.Trim().Length > 0).Select(p => p.i).ToList();
        var shown = starts.TakeLast(Exchanges).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        if (starts.Count > shown.Count)
        {
            surface.WriteLine($"  … {starts.Count - shown.Count} earlier exchange(s)", Style.Dim);
        }

        for (var k = 0; k < shown.Count; k++)
        {
            var end = k + 1 < shown.Count ? shown[k + 1] : history.Count;
            surface.Row("› ", FirstLine(history[shown[k]].Text), Style.Dim);
            var calls = history.Skip(shown[k] + 1).Take(end - shown[k] - 1)
                .SelectMany(m => m.Contents.OfType<FunctionCallContent>()).Select(c => c.Name).ToList();
            if (calls.Count > 0)
            {
                surface.Row("  ⏺ ", string.Join(", ", calls.Distinct(StringComparer.Ordinal)) + (calls.Count > 1 ? $" ({calls.Count} calls)" : ""), Style.Dim);
            }

            var answer = history.Skip(shown[k] + 1).Take(end - shown[k] - 1).LastOrDefault(m => m.Role == ChatRole.Assistant && m.Text.Trim().Length > 0);
            if (answer is not null)
            {
                surface.Row("  ", FirstLine(answer.Text), Style.Dim);
            }
        }

        surface.WriteLine();
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline] + " …";
    }
}
