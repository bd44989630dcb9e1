namespace Sov.Core.Audit;

/// <summary>
/// What the opening <c>session</c> record says about the session it starts; <see cref="PolicySha256"/> is the
/// SHA-256 of the managed policy file in force (#20), absent when there is none.
/// </summary>
public sealed record SessionInfo(
    string Version,
    string ConfigDigest,
    string Workspace,
    string Model,
    string Endpoint,
    string PermissionMode,
    string Kind = "session",
    string? PolicySha256 = null);
