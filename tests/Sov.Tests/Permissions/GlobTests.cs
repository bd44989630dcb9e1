using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

public sealed class GlobTests
{
    [Theory]
    [InlineData("src/**", "src/a.cs", true)]
    [InlineData("src/**", "src/a/b/c.cs", true)]
    [InlineData("src/**", "srcx/a.cs", false)]
    [InlineData("src/*", "src/a/b.cs", false)]
    [InlineData("**/.env*", ".env", true)]
    [InlineData("**/.env*", "a/b/.env.local", true)]
    [InlineData("**/.env*", "a/b/env", false)]
    [InlineData("*.cs", "a.cs", true)]
    [InlineData("?.cs", "ab.cs", false)]
    public void PathGlobs(string pattern, string path, bool expected) => Assert.Equal(expected, Glob.MatchPath(pattern, path));

    [Theory]
    [InlineData("npm test*", "npm test -- --ci", true)]
    [InlineData("npm test*", "npm tes", false)]
    [InlineData("git status", "git status --short", false)]
    [InlineData("git *", "git log a/b", true)]
    public void TextGlobs(string pattern, string text, bool expected) => Assert.Equal(expected, Glob.MatchText(pattern, text));

    [Fact]
    public void LongInputHasNoBacktrackingBlowUp()
    {
        Assert.False(Glob.MatchText("*a*a*a*a*a*a*a*b", new string('a', 20000)));
    }
}
