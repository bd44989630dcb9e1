namespace Sov.Core.Agent.Subagents;

/// <summary>
/// A kind of subagent the <c>task</c> tool can start: its name, what it is for (shown to the model), the tools it asks
/// for (null: the read-only ones), the model it asks for (null: the session's), its system prompt, and the file it came
/// from (null for the built-in one). Names and descriptions have passed the text border.
/// </summary>
public sealed record AgentDefinition(string Name, string Description, IReadOnlyList<string>? Tools, string? Model, string Prompt, string? Source = null)
{
    /// <summary>The agent the <c>task</c> tool starts when the model names none: research with the read-only tools.</summary>
    public static AgentDefinition General { get; } = new(
        "general",
        "research, read-only",
        null,
        null,
        "You research a question in the workspace with the read-only tools you have, then answer it.");
}
