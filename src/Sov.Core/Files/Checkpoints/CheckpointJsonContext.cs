using System.Text.Json.Serialization;

namespace Sov.Core.Files.Checkpoints;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CheckpointManifest))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
