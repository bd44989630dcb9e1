using System.Text.Json;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Editing;

/// <summary><c>todo {items}</c>: replaces the plan (each item a string, or {content, status}); the plan is shown to the person.</summary>
public sealed class TodoTool(BorderServices services) : ITool
{
    public string Name => "todo";

    public string Description => "Replace your task plan. items: [{content, status: pending|in_progress|completed}]. Keep one item in_progress.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("items", ToolParameterType.Array, "the whole plan", Required: true, ItemsType: ToolParameterType.Object));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => ToolEffect.None;

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.GetJson("items") is not { ValueKind: JsonValueKind.Array } items)
        {
            return Task.FromResult(ToolOutput.Error("items must be an array of {content, status} objects."));
        }

        var plan = new List<(string, string)>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                plan.Add((item.GetString() ?? "", "pending"));
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                return Task.FromResult(ToolOutput.Error("Each item must be a string or an object {content, status}."));
            }

            var text = (item.TryGetProperty("content", out var c) || item.TryGetProperty("text", out c)) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var status = item.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "pending";
            if (string.IsNullOrWhiteSpace(text) || status is not ("pending" or "in_progress" or "completed"))
            {
                return Task.FromResult(ToolOutput.Error("Each item needs a non-empty content and a status of pending, in_progress or completed."));
            }

            plan.Add((text.Trim(), status));
        }

        services.Todos.Replace(plan);
        return Task.FromResult(ToolOutput.Ok("Plan updated:\n" + services.Todos.Render()));
    }
}
