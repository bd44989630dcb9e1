namespace Sov.Cli.Acp.Wire;

/// <summary><c>session/request_permission</c> to the editor: the tool call (its title says what, revealed) and the choices.</summary>
internal sealed record RequestPermissionParams(string SessionId, ToolCallProgress ToolCall, IReadOnlyList<PermissionOption> Options);
