namespace Sov.Core.Agent;

/// <summary>Bounds and inputs of an agent session.</summary>
public sealed record AgentOptions
{
    /// <summary>The system prompt (see Prompts/SystemPrompt.md), sent as the first message of every request.</summary>
    public string Instructions { get; init; } = "";

    /// <summary>The most model requests one turn may make before it stops (exit 1 in sov exec).</summary>
    public int MaxTurns { get; init; } = 30;

    /// <summary>How often a turn re-asks after the stream broke mid-answer.</summary>
    public int MaxStreamRetries { get; init; } = 2;

    /// <summary>
    /// What the session remembers of the secrets its tools have shown (the egress redactor's memory): every tool
    /// output is given to it before the model sees it, so later encodings of those secrets are redacted too.
    /// </summary>
    public Secrets.SecretMemory? Secrets { get; init; }

    /// <summary>The agents the <c>task</c> tool may start (null: the session starts no subagents).</summary>
    public Subagents.AgentCatalog? Agents { get; init; }

    /// <summary>How many subagents run at once, how much of an answer returns, how long one may go on.</summary>
    public Subagents.SubagentLimits SubagentLimits { get; init; } = new();

    /// <summary>The person's hooks (#17; null: none): asked at session start, before each prompt, around each tool call and at each stop.</summary>
    public Hooks.SessionHooks? Hooks { get; init; }
}
