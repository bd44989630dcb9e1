using Sov.Core.Agent.Subagents;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Subagents;

/// <summary>
/// <c>task {agent?, prompt}</c> (a <c>description</c> is still taken when a model sends one): hands a self-contained task to a subagent with a fresh context and returns
/// its final answer (#17). The call itself changes nothing; each call the child makes is judged by the session's
/// permission gate as it comes. The description lists the agents in a few bytes (it goes into every request).
/// </summary>
public sealed class TaskTool(AgentCatalog agents) : ITool
{
    /// <summary>The most characters of one agent's description the tool's description carries.</summary>
    private const int MaxAgentDescription = 100;

    /// <summary>The most agents listed by name and description; the rest by name only.</summary>
    private const int MaxListed = 12;

    public string Name => "task";

    public string Description { get; } = Describe(agents);

    /// <summary>
    /// Few bytes, for it is in every request (#16: "say hello" at most 1,200 prompt tokens): <c>prompt</c>, and
    /// <c>agent</c> only when there are agents besides the built-in one; the call is shown by its prompt's first words.
    /// </summary>
    public ToolSchema Schema { get; } = agents.All.Count > 1
        ? new ToolSchema(new ToolParameter("agent", ToolParameterType.String, ""), new ToolParameter("prompt", ToolParameterType.String, "", Required: true))
        {
            Tolerated = ["description"],
        }
        : new ToolSchema(new ToolParameter("prompt", ToolParameterType.String, "", Required: true)) { Tolerated = ["description", "agent"] };

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => ToolEffect.None;

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (context?.Subagents is not { } subagents)
        {
            return Task.FromResult(ToolOutput.Error("A subagent cannot start subagents; do the task with your own tools."));
        }

        return subagents.RunAsync(context.CallId, arguments.GetString("agent"), Label(arguments), arguments.RequireString("prompt"),
            cancellationToken);
    }

    private static string Describe(AgentCatalog agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var all = agents.All;
        var listed = all.Take(MaxListed).Select(a => $"{a.Name} ({Shorten(a.Description)})");
        var more = all.Count > MaxListed ? "; also " + string.Join(", ", all.Skip(MaxListed).Select(a => a.Name)) : "";
        return all.Count <= 1
            ? "Delegate a task to a read-only subagent (fresh context); returns its answer."
            : "Delegate a self-contained task to a subagent (fresh context, sees only prompt); returns its answer. Agents: " + string.Join("; ", listed) + more + ".";
    }

    /// <summary>What the call is shown as: its description, or the prompt's first words when the model gave none.</summary>
    private static string Label(ToolArguments arguments) =>
        arguments.GetString("description") is { Length: > 0 } given ? given
            : arguments.RequireString("prompt") is var prompt && prompt.Length <= 40 ? prompt : prompt[..37] + "...";

    private static string Shorten(string text) => text.Length <= MaxAgentDescription ? text : text[..(MaxAgentDescription - 3)] + "...";
}
