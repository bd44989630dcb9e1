namespace Sov.Core.Watch;

/// <summary>
/// Hidden text found in what the command produced: <c>Source</c> is <c>stdout</c>, <c>stderr</c>, a
/// workspace file, or <c>sent to HOST:PORT</c>. The message carries the decoded payload when one exists.
/// </summary>
public sealed record WatchHidden(string Source, int Line, string Rule, string Message);
