namespace Sov.Core.Text;

/// <summary>The stable names of <see cref="TextCategory"/> used in JSON, SARIF and messages.</summary>
public static class TextCategories
{
    public static string Name(TextCategory category) => category switch
    {
        TextCategory.Bidi => "bidi",
        TextCategory.Tag => "tag",
        TextCategory.VariationSelector => "variation-selector",
        TextCategory.ZeroWidth => "zero-width",
        TextCategory.Invisible => "invisible",
        TextCategory.Whitespace => "whitespace",
        TextCategory.Control => "control",
        TextCategory.PrivateUse => "private-use",
        TextCategory.Unassigned => "unassigned",
        TextCategory.Bom => "bom",
        TextCategory.Confusable => "confusable",
        TextCategory.MixedScript => "mixed-script",
        TextCategory.TrailingWhitespace => "trailing-whitespace",
        TextCategory.InvalidUtf8 => "invalid-utf8",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
