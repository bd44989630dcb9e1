namespace Sov.Cli.Acp.Wire;

/// <summary>What Sovereign offers the editor (ACP schema AgentCapabilities).</summary>
internal sealed record AgentCapabilities(bool LoadSession, PromptCapabilities PromptCapabilities, McpCapabilities McpCapabilities);
