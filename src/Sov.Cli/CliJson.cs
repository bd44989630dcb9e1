using System.Text.Json.Serialization;

namespace Sov.Cli;

/// <summary>Source-generated JSON for the front doors (AOT: no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(string))]
internal sealed partial class CliJson : JsonSerializerContext;
