namespace Sov.Core.Agent.Protocol;

/// <summary>The last line of stream-json: the exit code the process returns next.</summary>
public sealed record ProcessExit(int ExitCode) : StreamFrame;
