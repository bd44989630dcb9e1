namespace Sov.Core.Hooks;

/// <summary>
/// What the hooks of one event said together: whether one blocked and why (for the model, through the text
/// border), the context they added, and what the person should be told (errors, timeouts, blocks).
/// </summary>
public sealed record HookOutcome(bool Blocked, string? Reason, IReadOnlyList<string> Context, IReadOnlyList<string> Warnings)
{
    public static HookOutcome None { get; } = new(false, null, [], []);

    /// <summary>The added context as one block for the model, or "" when there is none.</summary>
    public string ContextBlock(HookEvent hookEvent) => Context.Count == 0 ? ""
        : $"\n\n[context from your {HookEvents.Name(hookEvent)} hook]\n" + string.Join("\n", Context);
}
