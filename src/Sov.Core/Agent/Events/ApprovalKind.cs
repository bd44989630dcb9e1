using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>What an <see cref="ApprovalRequested"/> asks about (on the wire: the snake_case names below).</summary>
public enum ApprovalKind
{
    /// <summary>A tool call the permission policy asks about.</summary>
    [JsonStringEnumMemberName("tool_call")]
    ToolCall,

    /// <summary>A shell command that would run without the sandbox (bubblewrap is unavailable).</summary>
    [JsonStringEnumMemberName("unsandboxed_command")]
    UnsandboxedCommand,

    /// <summary>Text a tool is about to write holds hidden Unicode; the arguments are the text revealed.</summary>
    [JsonStringEnumMemberName("hidden_text")]
    HiddenText,

    /// <summary>A plan to approve (#17, <c>exit_plan</c>); the arguments are the plan. Approve names the mode to carry it out in.</summary>
    [JsonStringEnumMemberName("plan")]
    Plan,
}
