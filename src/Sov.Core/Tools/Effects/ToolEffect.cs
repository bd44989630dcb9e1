namespace Sov.Core.Tools.Effects;

/// <summary>
/// What one tool call touches, worked out from its arguments by the tool itself (<see cref="ITool.EffectOf"/>).
/// The permission gate, the approval prompt, the journal and the turn view switch on this, never on tool names:
/// a new tool that says it writes a path is judged as a write. The hierarchy is closed (the constructor is
/// internal): <see cref="ReadPath"/>, <see cref="WritePath"/>, <see cref="RunCommand"/>, <see cref="ExternalServer"/>,
/// <see cref="Network"/>, <see cref="NoEffect"/> and <see cref="UnknownEffect"/>.
/// </summary>
public abstract record ToolEffect
{
    private protected ToolEffect()
    {
    }

    /// <summary>Touches nothing outside the session (the plan).</summary>
    public static ToolEffect None { get; } = new NoEffect();

    /// <summary>Said nothing about what it touches: treated as a call that may change anything.</summary>
    public static ToolEffect Unknown { get; } = new UnknownEffect();

    /// <summary>The kind, for the journal: <c>read</c>, <c>write</c>, <c>shell</c>, <c>mcp</c>, <c>network</c>, <c>none</c> or <c>unknown</c>.</summary>
    public abstract string Kind { get; }
}
