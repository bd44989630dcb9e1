namespace Sov.Cli.Headless;

/// <summary>What a headless run tells its reader up front.</summary>
internal sealed record SessionInfo(string Model, string Endpoint, string Workspace, IReadOnlyList<string> Tools);
