namespace Sov.Core.Agent.Subagents;

/// <summary>The fields of an agent file's front matter as written (before checks), with the line each came from.</summary>
internal sealed class AgentFrontMatter
{
    public Dictionary<string, (string Value, int Line)> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Tools { get; } = [];

    public int ToolsLine { get; set; }

    /// <summary>The line the body starts on (1-based).</summary>
    public int BodyLine { get; set; }
}
