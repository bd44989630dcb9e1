namespace Sov.Core.Agent.Events;

/// <summary>A tool changed a file in the workspace (raised by the writing tools' room).</summary>
public sealed record FileChanged(string Path, string Change) : AgentEvent;
