namespace Sov.Cli.Acp.Wire;

/// <summary><c>session/prompt</c>: the person's message as content blocks.</summary>
internal sealed record PromptParams(string? SessionId, IReadOnlyList<ContentBlock>? Prompt);
