namespace Sov.Cli.Headless;

/// <summary>What a headless run tells its reader up front.</summary>
internal sealed record SessionInfo(string Model, string Endpoint, string Workspace, IReadOnlyList<string> Tools)
{
    /// <summary>The session's one id (#14): its journal's and its session file's, what <c>--resume</c> and <c>sov audit verify</c> take.</summary>
    public string SessionId { get; init; } = "";
}
