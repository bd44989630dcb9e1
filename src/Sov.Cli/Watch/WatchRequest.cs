namespace Sov.Cli.Watch;

/// <summary>What <c>sov watch</c> was asked: the command, the workspace it runs in, the endpoints expected (or allowed, when contained).</summary>
internal sealed record WatchRequest(IReadOnlyList<string> Command, string Workspace, IReadOnlyList<string> Expected, bool Contain);
