using System.Text.Json.Serialization;

namespace Sov.Cli.Acp.Wire;

/// <summary>What a <c>session/update</c> says, tagged by <c>sessionUpdate</c> (ACP schema SessionUpdate).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "sessionUpdate")]
[JsonDerivedType(typeof(UserMessageChunk), "user_message_chunk")]
[JsonDerivedType(typeof(AgentMessageChunk), "agent_message_chunk")]
[JsonDerivedType(typeof(AgentThoughtChunk), "agent_thought_chunk")]
[JsonDerivedType(typeof(ToolCallStart), "tool_call")]
[JsonDerivedType(typeof(ToolCallProgress), "tool_call_update")]
[JsonDerivedType(typeof(PlanUpdate), "plan")]
[JsonDerivedType(typeof(CurrentModeUpdate), "current_mode_update")]
internal abstract record SessionUpdate;
