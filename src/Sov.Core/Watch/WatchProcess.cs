namespace Sov.Core.Watch;

/// <summary>A program the command executed, with its arguments (argv[0] first).</summary>
public sealed record WatchProcess(string Program, IReadOnlyList<string> Arguments);
