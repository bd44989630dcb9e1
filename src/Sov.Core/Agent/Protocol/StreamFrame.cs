using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Protocol;

/// <summary>
/// What a headless front door writes around the loop's events (docs/stream-json.md): the
/// <c>session_started</c> and <c>exit</c> lines of stream-json and json's one <c>result</c> object.
/// Never raised by the loop itself; same wire rules as the events (a snake_case <c>type</c> first).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SessionStarted), "session_started")]
[JsonDerivedType(typeof(ProcessExit), "exit")]
[JsonDerivedType(typeof(RunResult), "result")]
public abstract record StreamFrame
{
    /// <summary>The session this run belongs to; null only when it failed before a session existed.</summary>
    [JsonPropertyOrder(-1)]
    public string? SessionId { get; init; }
}
