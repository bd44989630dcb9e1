namespace Sov.Cli.Acp.Wire;

/// <summary>The answer to <c>initialize</c>: the version agreed, what Sovereign offers, and no authentication methods.</summary>
internal sealed record InitializeResult(int ProtocolVersion, AgentCapabilities AgentCapabilities, Implementation AgentInfo, IReadOnlyList<string> AuthMethods);
