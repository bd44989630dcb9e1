using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>#21: findings are judged by where the character sits and what the language does with it, and the message says which.</summary>
public sealed class PrecisionContextTests
{
    [Fact]
    public void LineSeparatorEndsACSharpLineComment()
    {
        var f = Assert.Single(Classify.Loud("// ok\u2028 Grant();\n", SourceKind.CSharp));
        Assert.Equal((TextCategory.Whitespace, Severity.Critical, 1, 6), (f.Category, f.Severity, f.Line, f.Column));
        Assert.Contains("in a comment", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterALineSeparatorTheJavaScriptLexerIsBackInCode()
    {
        var findings = Classify.Loud("// ok\u2028 var a\u00A0= 1;\n", SourceKind.JavaScript);
        Assert.Contains(findings, f => f.Rule == "irregular-whitespace-in-code" && f.Column == 13);
    }

    [Fact]
    public void LineSeparatorInABlockCommentDoesNotEndIt()
    {
        var f = Assert.Single(Classify.Loud("/* ok\u2028 still a comment */\n", SourceKind.JavaScript));
        Assert.Equal(Severity.Medium, f.Severity);
    }

    [Fact]
    public void NoBreakSpaceInAStringSaysItComparesUnequal()
    {
        var f = Assert.Single(Classify.Loud("ok = answer == \"yes\u00A0\"\n", SourceKind.Hash));
        Assert.Equal(Severity.Medium, f.Severity);
        Assert.Contains("compares unequal to a normal space", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text \u00A0 here\n", SourceKind.Markdown, "in Markdown prose")]
    [InlineData("# note\u00A0here\nx = 1\n", SourceKind.Hash, "in a comment")]
    [InlineData("x = '\u200B'\n", SourceKind.Hash, "in a string literal")]
    public void MessagesNameTheContext(string text, SourceKind kind, string where)
    {
        Assert.Contains(Classify.Text(text, kind), f => f.Message.Contains(where, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Braille art in a string", "const art = \"\u28FF\u2800\u28FF\";\n", SourceKind.JavaScript)]
    [InlineData("Greek maths identifier", "double \u0394t = 0.5, \u03C9n = 2;\n", SourceKind.CSharp)]
    [InlineData("emoji with VS16 in code", "log(\"\u2139\uFE0F \u26A0\uFE0F \u2714\uFE0F\");\n", SourceKind.JavaScript)]
    [InlineData("text-style emoji with VS16 in prose", "Press \u2139\uFE0F or \u00A9\uFE0F or \u2194\uFE0F\n", SourceKind.Markdown)]
    [InlineData("stray VS16 after a word in a string", "s = \"Collective\uFE0F\"\n", SourceKind.Hash)]
    public void BenignIsNotLoud(string name, string text, SourceKind kind)
    {
        var loud = Classify.Loud(text, kind);
        Assert.True(loud.Count == 0, $"{name}: {Classify.Describe(loud)}");
    }

    [Theory]
    [InlineData("Cyrillic a in a Latin identifier", "var p\u0430ypal = 1;\n", SourceKind.JavaScript)]
    [InlineData("zero-width run of four in prose", "hi\u200B\u200C\u200B\u200C there\n", SourceKind.Markdown)]
    [InlineData("a stray selector inside an identifier", "let ad\uFE0Fmin = 1;\n", SourceKind.JavaScript)]
    [InlineData("a control character inside a word in a string", "s = \"ad\u0002min\"\n", SourceKind.Hash)]
    [InlineData("a look-alike word in an agent rules file", "Use pop, never \u0440\u043E\u0440.\n", SourceKind.Prose)]
    public void AttacksStayLoud(string name, string text, SourceKind kind)
    {
        Assert.True(Classify.Loud(text, kind).Count > 0, name);
    }
}
