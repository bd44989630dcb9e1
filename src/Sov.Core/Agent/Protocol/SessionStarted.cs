namespace Sov.Core.Agent.Protocol;

/// <summary>The run begins: schema version, where the model is, which workspace, which tools it may call.</summary>
public sealed record SessionStarted(int Version, string Model, string Endpoint, string Workspace, IReadOnlyList<string> Tools) : StreamFrame;
