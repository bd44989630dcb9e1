namespace Sov.Core.Agent.Events;

/// <summary>
/// What the agent session tells its front ends (DESIGN.md, "The agent protocol"). The terminal UI,
/// the headless printers and the journal consume the same stream. docs/stream-json.md is the schema.
/// </summary>
public abstract record AgentEvent;
