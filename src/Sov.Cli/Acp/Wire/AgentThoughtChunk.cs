namespace Sov.Cli.Acp.Wire;

/// <summary>A piece of the model's reasoning.</summary>
internal sealed record AgentThoughtChunk(ContentBlock Content) : SessionUpdate;
