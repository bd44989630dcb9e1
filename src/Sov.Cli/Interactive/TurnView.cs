using System.Text;
using System.Text.Json;
using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Interactive;

/// <summary>
/// Renders one turn's events into scrollback: assistant Markdown streamed line by line, reasoning dimmed
/// and collapsed to its first line (the full text kept for /reasoning), each tool call as one compact
/// line with a result summary, and file changes as coloured diffs. Model text goes behind the gutter and
/// every field from outside stays on its own row (issue #12), so none of it can pass for Sovereign's prompts.
/// </summary>
internal sealed class TurnView(TerminalSurface surface, Workspace workspace, ToolRegistry tools)
{
    private readonly MarkdownStream _markdown = new(surface);
    private readonly StringBuilder _reasoning = new();
    private bool _reasoningShown;

    public string LastReasoning { get; private set; } = "";

    public long? LastInputTokens { get; private set; }

    public long SessionTokens { get; set; }

    /// <summary>The call whose whole change was last shown as a diff, and the path it changes.</summary>
    private (string CallId, string Path)? _previewed;

    /// <summary>The path whose diff was shown for <paramref name="callId"/>, if it was (the approval box then does not repeat it).</summary>
    public string? PreviewOf(string callId) => _previewed is { } p && p.CallId == callId ? p.Path : null;

    /// <summary>The conversation was replaced: its context use is unknown until the next request.</summary>
    public void Reset() => LastInputTokens = null;

    public void Begin()
    {
        _reasoning.Clear();
        _reasoningShown = false;
    }

    public void Show(AgentEvent e)
    {
        if (e is SubagentStarted or SubagentEvent or SubagentCompleted)
        {
            _markdown.Flush();
            SubagentRows.Show(surface, e);
            return;
        }

        switch (e)
        {
            case ReasoningDelta r:
                _reasoning.Append(r.Text);
                if (!_reasoningShown && _reasoning.ToString().Trim() is { Length: > 0 } started && started.Contains('\n', StringComparison.Ordinal))
                {
                    _reasoningShown = true;
                    surface.Row("✻ ", FirstLine(started), Style.Dim, " …");
                }

                break;
            case AssistantDelta d:
                _markdown.Append(d.Text);
                break;
            case ToolCallRequested call:
                _markdown.Flush();
                surface.Row("⏺ ", $"{call.Name}({Summarise(call.Arguments)})", Style.Tool);
                PreviewChange(call);
                break;
            case ToolResult result:
                surface.Row("  ⎿ ", ResultSummary(result), result.IsError ? Style.Warning : Style.Dim);
                break;
            case FileChanged changed:
                surface.Row("  ✎ ", $"{changed.Change} {changed.Path}", Style.Dim);
                break;
            case Usage usage:
                LastInputTokens = usage.InputTokens ?? LastInputTokens;
                SessionTokens += usage.TotalTokens ?? (usage.InputTokens ?? 0) + (usage.OutputTokens ?? 0);
                break;
            case Warning w:
                _markdown.Flush();
                surface.WriteLine("⚠ " + TerminalSafe.Line(w.Message), Style.Warning);
                break;
            case Error err:
                _markdown.Flush();
                surface.WriteLine("✗ " + TerminalSafe.Line(err.Message), Style.Error);
                surface.WriteLine("  " + TerminalSafe.Line(err.Remedy), Style.Dim);
                break;
            case PlanProposed plan:
                _markdown.Flush();
                surface.Row("⏺ ", "Plan", Style.Accent);
                _markdown.Append(plan.Plan.TrimEnd() + "\n");
                _markdown.Flush();
                break;
            case ModeChanged mode:
                surface.Row("  ⎿ ", $"mode is now {mode.Mode}" + (mode.By == "plan" ? " (plan approved; it goes with your next prompt)" : ""), Style.Dim);
                break;
            case TurnCompleted done:
                _markdown.Flush();
                LastReasoning = _reasoning.ToString();
                if (!_reasoningShown && LastReasoning.Trim().Length > 0)
                {
                    surface.Row("✻ ", FirstLine(LastReasoning.Trim()), Style.Dim, " … (/reasoning shows it all)");
                }

                if (done.Outcome == Sov.Core.Agent.Events.TurnOutcome.Interrupted)
                {
                    surface.WriteLine("⏹ interrupted", Style.Warning);
                }

                break;
        }
    }

    /// <summary>The diff of what a write call will do (<see cref="ChangePreview"/>), read from the file as it is now.</summary>
    public void PreviewChange(ToolCallRequested call)
    {
        if (Session.ChangePreview.Of(tools, workspace, call.Name, call.Arguments) is { } change)
        {
            DiffView.Write(surface, change.RelativePath, change.Before, change.After);
            _previewed = (call.CallId, change.RelativePath);
        }
    }

    internal static string Summarise(string arguments)
    {
        try
        {
            using var doc = JsonDocument.Parse(arguments);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Clip(arguments, 60);
            }

            var parts = doc.RootElement.EnumerateObject()
                .Where(p => p.Name is not ("content" or "old_string" or "new_string"))
                .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
            return Clip(string.Join(", ", parts), 80);
        }
        catch (JsonException)
        {
            return Clip(arguments, 60);
        }
    }

    internal static string ResultSummary(ToolResult result)
    {
        var lines = result.Output.Split('\n');
        var first = Clip(lines[0].Trim(), 70);
        return lines.Length > 1 ? $"{first} (+{lines.Length - 1} lines)" : first;
    }

    private static string FirstLine(string text) => Clip(text.Split('\n')[0].Trim(), 70);

    private static string Clip(string text, int max) => text.Length <= max ? text.Replace('\n', ' ') : text[..max].Replace('\n', ' ') + "…";
}
