namespace Sov.Core.Text;

/// <summary>What the agent does with hidden characters in a text that crosses the border.</summary>
public enum TextPolicy
{
    /// <summary>Replace each flagged character with a visible marker such as <c>⟦U+202E RLO⟧</c>.</summary>
    Reveal,

    /// <summary>Remove flagged characters (irregular whitespace becomes a space).</summary>
    Strip,

    /// <summary>Refuse the text with the list of findings.</summary>
    Block,
}
