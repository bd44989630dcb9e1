namespace Sov.Cli.Acp.Wire;

/// <summary>A piece of the model's answer.</summary>
internal sealed record AgentMessageChunk(ContentBlock Content) : SessionUpdate;
