using System.Text.Json.Serialization;

namespace Sov.Core.Audit.Export;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ExportCursor))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
