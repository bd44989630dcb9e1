using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Submissions;

/// <summary>
/// What a front end may submit to the agent session (DESIGN.md, "The agent protocol"). The wire form is
/// declared here and read and written by <see cref="Protocol.ProtocolJson"/> (docs/stream-json.md, "Submissions").
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(UserTurn), "user_turn")]
[JsonDerivedType(typeof(Approve), "approve")]
[JsonDerivedType(typeof(Deny), "deny")]
[JsonDerivedType(typeof(Interrupt), "interrupt")]
[JsonDerivedType(typeof(Compact), "compact")]
[JsonDerivedType(typeof(Undo), "undo")]
[JsonDerivedType(typeof(Rewind), "rewind")]
public abstract record Submission;
