using Sov.Core.Files.Ignore;
using Sov.Core.Tools;
using Sov.Core.Tools.Search;

namespace Sov.Tests.Tools.Search;

/// <summary>#14: one glob engine for the glob tool, rules and ignore files; each keeps its own syntax on top of it.</summary>
public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.cs", "src/deep/a.cs", true)] // no slash: a name in any folder
    [InlineData("src/*.cs", "src/deep/a.cs", false)]
    [InlineData("src/**/*.cs", "src/a.cs", true)]
    [InlineData("src/**/*.cs", "src/x/y/a.cs", true)]
    [InlineData("/src/*.cs", "src/a.cs", true)]
    [InlineData("{src,test}/**/*.{cs,md}", "test/x/README.md", true)]
    [InlineData("{src,test}/**/*.{cs,md}", "docs/README.md", false)]
    [InlineData("src/{a,{b,c}}.cs", "src/c.cs", true)]
    [InlineData("src/{a,b.cs", "src/{a,b.cs", true)] // an unclosed brace is literal
    [InlineData("[a-c]?.txt", "b1.txt", true)]
    [InlineData("[!a-c]?.txt", "b1.txt", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("a[/]b", "a/b", false)] // a class never matches the separator
    [InlineData("a?b", "a/b", false)]
    [InlineData("a\\*", "a\\b", true)] // the glob tool has no escapes
    public void TheGlobToolsSyntax(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new GlobPattern(pattern, matchBasenameWhenNoSlash: true).IsMatch(path));

    [Theory]
    [InlineData("*.log", "debug.log", true)]
    [InlineData("{a,b}.txt", "a.txt", false)] // gitignore has no braces
    [InlineData("{a,b}.txt", "{a,b}.txt", true)]
    [InlineData("\\#notes", "#notes", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("build/**/out", "build/x/y/out", true)]
    [InlineData("build/**/out", "build/out", true)]
    [InlineData("doc/*.txt", "doc/x/a.txt", false)]
    public void GitIgnoreKeepsItsOwnSyntax(string line, string subject, bool expected) =>
        Assert.Equal(expected, GitIgnorePattern.Parse(line)!.Matches(subject, isDirectory: false));

    [Fact]
    public void AMalformedIgnoreLineIsSkippedAsGitDoes() => Assert.Null(GitIgnorePattern.Parse("[z-a]*"));

    [Fact]
    public void ABadPatternFromTheModelIsAToolError()
    {
        Assert.Contains("runs backwards", Assert.Throws<ToolException>(() => GlobPattern.FromModel("[z-a]")).Message, StringComparison.Ordinal);
        Assert.Contains("alternatives", Assert.Throws<ToolException>(() => GlobPattern.FromModel(string.Concat(Enumerable.Repeat("{a,b}", 11)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostilePatternsStayFast()
    {
        var path = string.Join('/', Enumerable.Repeat(new string('a', 100), 50));
        Assert.False(new GlobPattern("**/*a*a*a*a*a*a*a*a*a*b").IsMatch(path));
        Assert.False(GitIgnorePattern.Parse("*a*a*a*a*a*a*a*a*a*b")!.Matches(new string('a', 20000), false));
    }
}
