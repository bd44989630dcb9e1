namespace Sov.Cli.Acp.Wire;

/// <summary>Parameters naming only a session (<c>session/cancel</c>).</summary>
internal sealed record SessionRef(string? SessionId);
