using System.Text.Json.Serialization;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;

namespace Sov.Core.Agent.Protocol;

/// <summary>
/// The source-generated serialiser of the protocol (AOT: no reflection): snake_case names, enums by
/// their declared wire names, strict about nulls and missing constructor fields when reading.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AgentEvent))]
[JsonSerializable(typeof(Submission))]
[JsonSerializable(typeof(StreamFrame))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
