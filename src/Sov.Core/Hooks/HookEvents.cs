namespace Sov.Core.Hooks;

/// <summary>The events' names as config keys, journal fields and the <c>hook_event_name</c> a hook receives.</summary>
public static class HookEvents
{
    public static IReadOnlyList<HookEvent> All { get; } =
        [HookEvent.SessionStart, HookEvent.UserPromptSubmit, HookEvent.PreToolUse, HookEvent.PostToolUse, HookEvent.Stop];

    public static string Name(HookEvent hookEvent) => hookEvent switch
    {
        HookEvent.SessionStart => "SessionStart",
        HookEvent.UserPromptSubmit => "UserPromptSubmit",
        HookEvent.PreToolUse => "PreToolUse",
        HookEvent.PostToolUse => "PostToolUse",
        _ => "Stop",
    };

    /// <summary>True for the events that concern one tool call (the matcher applies to them only).</summary>
    public static bool IsToolEvent(HookEvent hookEvent) => hookEvent is HookEvent.PreToolUse or HookEvent.PostToolUse;
}
