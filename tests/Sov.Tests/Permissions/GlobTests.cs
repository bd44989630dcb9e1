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
    [InlineData("src/{a,b}.cs", "src/a.cs", true)] // #14: rules have the glob tool's syntax
    [InlineData("src/{a,b}.cs", "src/b.cs", true)]
    [InlineData("src/{a,b}.cs", "src/c.cs", false)]
    [InlineData("**/*.{key,pem}", "certs/x.pem", true)]
    [InlineData("secrets/[ab]*", "secrets/beta", true)]
    [InlineData("secrets/[!ab]*", "secrets/beta", false)]
    [InlineData("/etc/**", "/etc/ssl/key.pem", true)] // a rule outside the workspace stays absolute
    [InlineData("/etc/**", "etc/ssl/key.pem", false)]
    public void PathGlobs(string pattern, string path, bool expected) => Assert.Equal(expected, Glob.MatchPath(pattern, path));

    [Theory]
    [InlineData("npm test*", "npm test -- --ci", true)]
    [InlineData("npm test*", "npm tes", false)]
    [InlineData("git status", "git status --short", false)]
    [InlineData("git *", "git log a/b", true)]
    public void TextGlobs(string pattern, string text, bool expected) => Assert.Equal(expected, Glob.MatchText(pattern, text));

    [Theory]
    [InlineData("echo {a,b}", "echo {a,b}", true)] // shell rules keep braces and brackets literal
    [InlineData("test [ -f x ]", "test [ -f x ]", true)]
    public void TextGlobsHaveOnlyStars(string pattern, string text, bool expected) => Assert.Equal(expected, Glob.MatchText(pattern, text));

    // #14: {a,b} works in a deny rule as in the glob tool.
    [Fact]
    public void ABraceDenyRuleDeniesEachAlternative()
    {
        var policy = new PermissionPolicy(PermissionMode.FullAuto, PermissionRules.Parse([], [], ["write:src/{a,b}.cs"]), sandboxAvailable: true);

        Assert.Equal(Verdict.Deny, policy.DecideWrite(new PathAccess("src/a.cs", true, false)).Verdict);
        Assert.Equal(Verdict.Deny, policy.DecideWrite(new PathAccess("src/b.cs", true, false)).Verdict);
        Assert.Equal(Verdict.Allow, policy.DecideWrite(new PathAccess("src/c.cs", true, false)).Verdict);
    }

    [Fact]
    public void ARuleWithTooManyAlternativesIsAConfigError()
    {
        var e = Assert.Throws<Core.Config.ConfigException>(() => PermissionRule.Parse("read:" + string.Concat(Enumerable.Repeat("{a,b}", 12))));
        Assert.Contains("more than 1024 alternatives", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongInputHasNoBacktrackingBlowUp()
    {
        Assert.False(Glob.MatchText("*a*a*a*a*a*a*a*b", new string('a', 20000)));
        Assert.False(Glob.MatchPath("**/*a*a*a*a*a*a*a*b", string.Join('/', Enumerable.Repeat(new string('a', 200), 100))));
    }
}
