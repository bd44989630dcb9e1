namespace Sov.Cli.Watch;

/// <summary>The command line of <c>sov watch</c>, as given.</summary>
internal sealed record WatchOptions(
    IReadOnlyList<string> Command,
    string Format,
    string? Out,
    IReadOnlyList<string> FailOn,
    IReadOnlyList<string> Expect,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Compare,
    IReadOnlyList<string> RelayInside);
