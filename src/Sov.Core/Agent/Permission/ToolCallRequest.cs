using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Agent.Permission;

/// <summary>A tool call about to run, with its arguments already coerced and what it touches (<see cref="Effect"/>, as the tool says).</summary>
public sealed record ToolCallRequest(string CallId, ITool Tool, ToolArguments Arguments, string RawArguments)
{
    public ToolEffect Effect { get; } = Tool.EffectOf(Arguments);
}
