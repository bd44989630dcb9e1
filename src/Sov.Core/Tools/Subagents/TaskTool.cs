using Sov.Core.Agent.Subagents;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Subagents;

/// <summary>
/// <c>task {agent?, description, prompt}</c>: hands a self-contained task to a subagent with a fresh context and returns
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

    public ToolSchema Schema { get; } = new(
        new ToolParameter("agent", ToolParameterType.String, "agent name (default general)"),
        new ToolParameter("description", ToolParameterType.String, "3-5 words", Required: true),
        new ToolParameter("prompt", ToolParameterType.String, "the whole task; the subagent sees nothing else", Required: true));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => ToolEffect.None;

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (context?.Subagents is not { } subagents)
        {
            return Task.FromResult(ToolOutput.Error("A subagent cannot start subagents; do the task with your own tools."));
        }

        return subagents.RunAsync(context.CallId, arguments.GetString("agent"), arguments.RequireString("description"), arguments.RequireString("prompt"),
            cancellationToken);
    }

    private static string Describe(AgentCatalog agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var all = agents.All;
        var listed = all.Take(MaxListed).Select(a => $"{a.Name} ({Shorten(a.Description)})");
        var more = all.Count > MaxListed ? "; also " + string.Join(", ", all.Skip(MaxListed).Select(a => a.Name)) : "";
        return "Run a subagent on a self-contained task with a fresh context; returns its final answer. Several calls run in parallel. Agents: "
            + string.Join("; ", listed) + more + ".";
    }

    private static string Shorten(string text) => text.Length <= MaxAgentDescription ? text : text[..(MaxAgentDescription - 3)] + "...";
}
