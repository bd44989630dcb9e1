using Sov.Core.Files;

namespace Sov.Tests.Files;

public sealed class EditEngineTests
{
    [Fact]
    public void AUniqueExactMatchIsReplaced()
    {
        var r = EditEngine.Apply("a\nb\nc\n", "b", "B", replaceAll: false);
        Assert.True(r.Ok);
        Assert.Equal("a\nB\nc\n", r.Text);
        Assert.Null(r.Note);
    }

    [Fact]
    public void SeveralMatchesNeedReplaceAllAndTheErrorSaysWhere()
    {
        var r = EditEngine.Apply("x=1\ny=2\nx=1\n", "x=1", "x=2", replaceAll: false);
        Assert.False(r.Ok);
        Assert.Contains("2 times", r.Message, StringComparison.Ordinal);
        Assert.Contains("lines 1, 3", r.Message, StringComparison.Ordinal);
        Assert.Contains("replace_all", r.Message, StringComparison.Ordinal);
        var all = EditEngine.Apply("x=1\ny=2\nx=1\n", "x=1", "x=2", replaceAll: true);
        Assert.Equal("x=2\ny=2\nx=2\n", all.Text);
        Assert.Equal(2, all.Replacements);
    }

    [Fact]
    public void WhitespaceDifferencesMatchWhenUnambiguousAndSaySo()
    {
        var file = "class A\n{\n    void F()\n    {\n        Go( 1 );\n    }\n}\n";
        var r = EditEngine.Apply(file, "void F()\n{\n    Go(1);\n}", "void F()\n{\n    Go(2);\n}", replaceAll: false);
        Assert.False(r.Ok, "Go( 1 ) vs Go(1) differ inside the line; only runs of blanks are tolerated");
        var r2 = EditEngine.Apply(file, "void F()\n{\n  Go( 1 );  \n}", "void F()\n{\n  Go( 2 );\n}", replaceAll: false);
        Assert.True(r2.Ok, r2.Message);
        Assert.Equal("class A\n{\n    void F()\n    {\n      Go( 2 );\n    }\n}\n", r2.Text);
        Assert.Contains("lines 3-6", r2.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmbiguousWhitespaceMatchIsRefused()
    {
        var r = EditEngine.Apply("  a\n  b\n\ta\n\tb\n", "a\nb", "c", replaceAll: false);
        Assert.False(r.Ok);
        Assert.Contains("2 places", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFoundPointsAtTheNearestLine()
    {
        var r = EditEngine.Apply("alpha\nbeta\ngamma\n", "beta\ndelta", "x", replaceAll: false);
        Assert.False(r.Ok);
        Assert.Contains("line 2", r.Message, StringComparison.Ordinal);
        Assert.Contains("Read the file again", r.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "x", "old_string is empty")]
    [InlineData("same", "same", "identical")]
    public void UselessEditsAreExplained(string old, string replacement, string expected)
    {
        var r = EditEngine.Apply("same\n", old, replacement, replaceAll: false);
        Assert.Contains(expected, r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrlfFilesMatchLfStringsAndStayCrlf()
    {
        var r = EditEngine.Apply("a\r\nb\r\nc\r\n", "a\nb", "x\ny", replaceAll: false, lineEnding: "\r\n");
        Assert.True(r.Ok);
        Assert.Equal("x\r\ny\r\nc\r\n", r.Text);
    }
}
