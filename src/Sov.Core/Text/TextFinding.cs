namespace Sov.Core.Text;

/// <summary>
/// One finding in a text. <see cref="Line"/> and <see cref="Column"/> are 1-based; the column counts
/// code points from the start of the line. <see cref="Offset"/>/<see cref="Length"/> are the flagged
/// UTF-8 bytes, which <see cref="Fix"/> removes or replaces.
/// </summary>
public sealed record TextFinding(
    int Line,
    int Column,
    int CodePoint,
    TextCategory Category,
    Severity Severity,
    string Rule,
    string Message,
    int Offset,
    int Length,
    FixAction Fix)
{
    /// <summary>The code point as <c>U+202E</c>.</summary>
    public string CodePointText => CodePoints.Format(CodePoint);
}
