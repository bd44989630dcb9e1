namespace Sov.Core.Tools.Effects;

/// <summary>Reaches <paramref name="Origin"/> over the network (scheme, host and port).</summary>
public sealed record Network(string Origin) : ToolEffect
{
    public override string Kind => "network";
}
