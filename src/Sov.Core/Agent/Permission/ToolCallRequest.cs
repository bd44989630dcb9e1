using Sov.Core.Tools;

namespace Sov.Core.Agent.Permission;

/// <summary>A tool call about to run, with its arguments already coerced.</summary>
public sealed record ToolCallRequest(string CallId, ITool Tool, ToolArguments Arguments, string RawArguments);
