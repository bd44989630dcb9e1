using System.Text.Json.Serialization;

namespace Sov.Cli.Version;

/// <summary>Source-generated JSON for <c>sov version --json</c> (AOT: no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(VersionReport))]
internal sealed partial class VersionJson : JsonSerializerContext;
