namespace Sov.Core.Text;

/// <summary>The block policy refused a text: <see cref="Findings"/> says why.</summary>
public sealed class TextBlockedException(IReadOnlyList<TextFinding> findings)
    : SovException(
        $"Refused text with {findings.Count} hidden-Unicode finding(s); first: {TextCategories.Name(findings[0].Category)} at line {findings[0].Line}, column {findings[0].Column}: {findings[0].Message}",
        "Inspect the text with 'sov scan' or switch the text policy to reveal.",
        ExitCodes.Failed)
{
    public IReadOnlyList<TextFinding> Findings { get; } = findings;
}
