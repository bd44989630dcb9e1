using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Agent.Permission;

/// <summary>A tool call about to run, with its arguments already coerced and what it touches (<see cref="Effect"/>, as the tool says).</summary>
public sealed record ToolCallRequest(string CallId, ITool Tool, ToolArguments Arguments, string RawArguments)
{
    public ToolEffect Effect { get; } = Tool.EffectOf(Arguments);

    /// <summary>Where the model's answer held the call (#16): <c>native</c>, <c>content</c> or <c>reasoning</c>.</summary>
    public string Source { get; init; } = "native";
}
