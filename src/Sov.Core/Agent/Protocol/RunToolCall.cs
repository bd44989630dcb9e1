using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Protocol;

/// <summary>A tool call of the run and, once it finished, its result (both fields absent when it never did).</summary>
public sealed record RunToolCall(
    string CallId,
    string Name,
    string Arguments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsError = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Output = null);
