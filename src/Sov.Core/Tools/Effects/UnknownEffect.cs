namespace Sov.Core.Tools.Effects;

/// <summary>The tool did not say what the call touches; use <see cref="ToolEffect.Unknown"/>. Judged as a call that may change anything.</summary>
public sealed record UnknownEffect : ToolEffect
{
    internal UnknownEffect()
    {
    }

    public override string Kind => "unknown";
}
