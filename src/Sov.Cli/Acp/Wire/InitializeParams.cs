namespace Sov.Cli.Acp.Wire;

/// <summary><c>initialize</c>: the protocol version the editor speaks and what it offers (ACP schema InitializeRequest).</summary>
internal sealed record InitializeParams(int? ProtocolVersion, ClientCapabilities? ClientCapabilities);
