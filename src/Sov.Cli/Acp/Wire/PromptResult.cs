namespace Sov.Cli.Acp.Wire;

/// <summary>The answer to <c>session/prompt</c>: why the turn stopped (end_turn, max_turn_requests, refusal, cancelled).</summary>
internal sealed record PromptResult(string StopReason);
