namespace Sov.Core.Hooks;

/// <summary>When a hook runs, named as in Claude Code's hooks (the names are the config keys under <c>[hooks]</c>).</summary>
public enum HookEvent
{
    /// <summary>Before the session's first turn (<c>source</c>: <c>startup</c>, or <c>resume</c> for a continued session).</summary>
    SessionStart,

    /// <summary>Before a prompt goes to the model: may block it or add context to it.</summary>
    UserPromptSubmit,

    /// <summary>Before a tool call the permission rules did not deny: may block it, never allow past a deny rule.</summary>
    PreToolUse,

    /// <summary>After a tool call ran: may add a note or context to its result.</summary>
    PostToolUse,

    /// <summary>When the model answers without tool calls: a block asks it to go on, with the reason.</summary>
    Stop,
}
