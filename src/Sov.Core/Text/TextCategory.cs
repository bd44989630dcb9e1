namespace Sov.Core.Text;

/// <summary>What kind of hidden or irregular text a finding is about. <see cref="TextCategories.Name"/> gives the stable name.</summary>
public enum TextCategory
{
    Bidi,
    Tag,
    VariationSelector,
    ZeroWidth,
    Invisible,
    Whitespace,
    Control,
    PrivateUse,
    Unassigned,
    Bom,
    Confusable,
    MixedScript,
    TrailingWhitespace,
    InvalidUtf8,
}
