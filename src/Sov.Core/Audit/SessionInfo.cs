namespace Sov.Core.Audit;

/// <summary>What the opening <c>session</c> record says about the session it starts.</summary>
public sealed record SessionInfo(
    string Version,
    string ConfigDigest,
    string Workspace,
    string Model,
    string Endpoint,
    string PermissionMode,
    string Kind = "session");
