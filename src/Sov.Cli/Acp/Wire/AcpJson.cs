using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sov.Cli.Acp.Wire;

/// <summary>The ACP messages Sovereign reads and writes (ACP schema v1, camelCase), serialised by source generation (Native AOT: no reflection).
/// Written with the default encoder, every non-ASCII character is an escape: stdout carries ASCII JSON only.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RpcMessage))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(NewSessionParams))]
[JsonSerializable(typeof(NewSessionResult))]
[JsonSerializable(typeof(LoadSessionResult))]
[JsonSerializable(typeof(PromptParams))]
[JsonSerializable(typeof(PromptResult))]
[JsonSerializable(typeof(SessionRef))]
[JsonSerializable(typeof(SetModeParams))]
[JsonSerializable(typeof(EmptyResult))]
[JsonSerializable(typeof(SessionNotification))]
[JsonSerializable(typeof(RequestPermissionParams))]
[JsonSerializable(typeof(RequestPermissionResult))]
[JsonSerializable(typeof(ReadTextFileParams))]
[JsonSerializable(typeof(ReadTextFileResult))]
[JsonSerializable(typeof(WriteTextFileParams))]
[JsonSerializable(typeof(CreateTerminalParams))]
[JsonSerializable(typeof(CreateTerminalResult))]
[JsonSerializable(typeof(TerminalRef))]
[JsonSerializable(typeof(TerminalExitStatus))]
[JsonSerializable(typeof(TerminalOutputResult))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class AcpJson : JsonSerializerContext;
