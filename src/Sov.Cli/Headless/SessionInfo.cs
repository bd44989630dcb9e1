namespace Sov.Cli.Headless;

/// <summary>What a headless run tells its reader up front; <paramref name="SessionId"/> goes on every JSON line.</summary>
internal sealed record SessionInfo(string Model, string Endpoint, string Workspace, IReadOnlyList<string> Tools, string? SessionId = null);
