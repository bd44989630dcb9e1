namespace Sov.Core.Tools.Effects;

/// <summary>Reaches <paramref name="Origin"/> over the network (scheme, host and port).</summary>
public sealed record Network(string Origin) : ToolEffect
{
    /// <summary>
    /// For a host list the person wrote in their own config (web_fetch's <c>[web] allow</c>): true when the URL is on it
    /// (allowed in every mode, as an allow rule is), false when it is not (refused without asking). Null: no such list; asked.
    /// </summary>
    public bool? Listed { get; init; }

    public override string Kind => "network";
}
