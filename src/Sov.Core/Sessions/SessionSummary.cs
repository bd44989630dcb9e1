namespace Sov.Core.Sessions;

/// <summary>One saved session as <c>sov --resume</c> lists it.</summary>
public sealed record SessionSummary(string Id, string Path, string Workspace, string Model, DateTimeOffset Created, DateTimeOffset LastWrite, int Messages, string FirstPrompt);
