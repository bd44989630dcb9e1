using Sov.Core.Agent.Events;

namespace Sov.Core.Agent.Protocol;

/// <summary>
/// <c>--output-format json</c>'s one object at the end: outcome, exit code, the final answer, tool calls
/// with their results, summed usage, the warnings and the error if any.
/// </summary>
public sealed record RunResult(
    int Version,
    TurnOutcome Outcome,
    int ExitCode,
    string FinalText,
    int Requests,
    string Model,
    RunUsage Usage,
    IReadOnlyList<RunToolCall> ToolCalls,
    IReadOnlyList<string> Warnings,
    RunError? Error) : StreamFrame;
