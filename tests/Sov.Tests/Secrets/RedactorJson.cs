using System.Text.Json.Serialization;

namespace Sov.Tests.Secrets;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RedactorJson : JsonSerializerContext;
