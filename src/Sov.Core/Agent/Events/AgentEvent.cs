using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>
/// What the agent session tells its front ends (DESIGN.md, "The agent protocol"). The terminal UI,
/// the headless printers and the journal consume the same stream. The wire form is declared here and
/// written by <see cref="Protocol.ProtocolJson"/>: a snake_case <c>type</c> first, then snake_case fields;
/// docs/stream-json.md is the schema, and a new event needs its line below and a row there.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TurnStarted), "turn_started")]
[JsonDerivedType(typeof(AssistantDelta), "assistant_delta")]
[JsonDerivedType(typeof(ReasoningDelta), "reasoning_delta")]
[JsonDerivedType(typeof(ToolCallRequested), "tool_call_requested")]
[JsonDerivedType(typeof(ApprovalRequested), "approval_requested")]
[JsonDerivedType(typeof(ToolResult), "tool_result")]
[JsonDerivedType(typeof(FileChanged), "file_changed")]
[JsonDerivedType(typeof(Usage), "usage")]
[JsonDerivedType(typeof(Warning), "warning")]
[JsonDerivedType(typeof(Error), "error")]
[JsonDerivedType(typeof(TurnCompleted), "turn_completed")]
[JsonDerivedType(typeof(CompactCompleted), "compact_completed")]
[JsonDerivedType(typeof(UndoCompleted), "undo_completed")]
[JsonDerivedType(typeof(SubagentStarted), "subagent_started")]
[JsonDerivedType(typeof(SubagentEvent), "subagent_event")]
[JsonDerivedType(typeof(SubagentCompleted), "subagent_completed")]
[JsonDerivedType(typeof(PlanProposed), "plan_proposed")]
[JsonDerivedType(typeof(ModeChanged), "mode_changed")]
[JsonDerivedType(typeof(RewindCompleted), "rewind_completed")]
public abstract record AgentEvent
{
    /// <summary>The session the event belongs to; a printer stamps it when the loop left it unset.</summary>
    [JsonPropertyOrder(-1)]
    public string? SessionId { get; init; }
}
