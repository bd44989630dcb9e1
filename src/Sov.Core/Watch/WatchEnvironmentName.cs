namespace Sov.Core.Watch;

/// <summary>The name (never the value) of an environment variable the command was given, and its kind: proxy, key or locale.</summary>
public sealed record WatchEnvironmentName(string Name, string Kind);
