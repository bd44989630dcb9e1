namespace Sov.Core.Tools.Effects;

/// <summary>Touches nothing outside the session; use <see cref="ToolEffect.None"/>.</summary>
public sealed record NoEffect : ToolEffect
{
    internal NoEffect()
    {
    }

    public override string Kind => "none";
}
