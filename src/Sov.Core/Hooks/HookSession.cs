namespace Sov.Core.Hooks;

/// <summary>What every hook input carries about the session: its id, the workspace (<c>cwd</c>) and the permission mode.</summary>
public sealed record HookSession(string SessionId, string Cwd, string PermissionMode);
