using System.Text.Json;
using Sov.Cli.Acp.Wire;
using Sov.Cli.Session;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Text;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Acp;

/// <summary>
/// The session's events as ACP <c>session/update</c>s: answer and reasoning text as message and thought chunks, each
/// tool call with its kind, title, locations and (for a write) the diff, then its status and output, the todo tool's
/// list as the plan, warnings and errors as message text. Every string from the model, a file or a tool passes the
/// text border first (<see cref="TerminalText.Safe"/>, as on the terminal): hidden characters reach the editor revealed.
/// </summary>
internal sealed class AcpUpdates(ToolRegistry tools, Workspace workspace, TodoList todos)
{
    /// <summary>The updates <paramref name="e"/> becomes (none for events the editor has no use for).</summary>
    public IEnumerable<SessionUpdate> Of(AgentEvent e) => e switch
    {
        AssistantDelta d => [new AgentMessageChunk(Text(d.Text))],
        ReasoningDelta r => [new AgentThoughtChunk(Text(r.Text))],
        ToolCallRequested call => [Started(call)],
        ToolResult result => Finished(result),
        ModeChanged m => [new CurrentModeUpdate(m.Mode)],
        Warning w => [new AgentMessageChunk(Text("\n⚠ " + w.Message + "\n"))],
        Error error => [new AgentMessageChunk(Text($"\n✗ {error.Message}\n  {error.Remedy}\n"))],
        _ => [],
    };

    /// <summary>A tool call as the editor first sees it (pending), from what the call says it touches.</summary>
    public ToolCallStart Started(ToolCallRequested call)
    {
        var effect = EffectOf(call.Name, call.Arguments);
        var preview = ChangePreview.Of(tools, workspace, call.Name, call.Arguments);
        IReadOnlyList<ToolCallContent>? content = preview is null ? null
            : [new ToolCallContent("diff", Path: preview.FullPath, OldText: preview.Before is { } b ? TerminalText.Safe(b) : null, NewText: TerminalText.Safe(preview.After))];
        return new ToolCallStart(call.CallId, Title(call.Name, effect), Kind(effect), "pending", content, Locations(effect));
    }

    /// <summary>The one-line title of a call: what it does to what (revealed, one line).</summary>
    public static string Title(string name, ToolEffect? effect) => TerminalText.Line(effect switch
    {
        WritePath w => $"{name} {w.Path}",
        ReadPath r => $"{name} {r.Path}",
        RunCommand c => $"Run: {c.Command}",
        Network n => $"{name} {n.Origin}",
        ExternalServer s => $"{s.Server}: {s.Tool}",
        _ => name,
    });

    /// <summary>ACP's tool kind for what a call touches (never from the tool's name).</summary>
    public static string Kind(ToolEffect? effect) => effect switch
    {
        WritePath => "edit",
        ReadPath => "read",
        RunCommand => "execute",
        Network => "fetch",
        NoEffect => "think",
        _ => "other",
    };

    /// <summary>What a call touches, from its tool; null when the tool is unknown or its arguments are not JSON.</summary>
    public ToolEffect? EffectOf(string name, string arguments)
    {
        if (tools.Find(name) is not { } tool)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(arguments);
            return tool.EffectOf(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement));
        }
        catch (Exception e) when (e is JsonException or ToolException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The file a call reads or writes, absolute, when the file border resolves it inside the workspace.</summary>
    public IReadOnlyList<ToolCallLocation>? Locations(ToolEffect? effect)
    {
        var path = effect switch { WritePath w => w.Path, ReadPath r => r.Path, _ => null };
        if (path is null)
        {
            return null;
        }

        try
        {
            return [new ToolCallLocation(TerminalText.Line(workspace.Resolve(path)))];
        }
        catch (WorkspaceException)
        {
            return null;
        }
    }

    private IEnumerable<SessionUpdate> Finished(ToolResult result)
    {
        yield return new ToolCallProgress(result.CallId, result.IsError ? "failed" : "completed",
            [new ToolCallContent("content", Text(result.Output))]);
        if (!result.IsError && tools.Find(result.Name) is TodoTool)
        {
            yield return new PlanUpdate([.. todos.Items.Select(i => new PlanEntry(TerminalText.Line(i.Text), "medium", i.Status))]);
        }
    }

    private static ContentBlock Text(string text) => new("text", TerminalText.Safe(text));
}
