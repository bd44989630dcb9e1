namespace Sov.Cli.Acp.Wire;

/// <summary>A piece of the person's message (replayed by <c>session/load</c>).</summary>
internal sealed record UserMessageChunk(ContentBlock Content) : SessionUpdate;
