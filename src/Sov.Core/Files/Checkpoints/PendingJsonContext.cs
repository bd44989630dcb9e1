using System.Text.Json.Serialization;

namespace Sov.Core.Files.Checkpoints;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PendingLine))]
[JsonSerializable(typeof(ShellSnapshotFile))]
internal sealed partial class PendingJsonContext : JsonSerializerContext;
