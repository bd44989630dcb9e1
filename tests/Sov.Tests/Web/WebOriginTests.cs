using Sov.Core.Web;

namespace Sov.Tests.Web;

/// <summary>The hosts of <c>[web] allow</c> (#17): names, wildcards, ports; plain http only for loopback.</summary>
public sealed class WebOriginTests
{
    [Theory]
    [InlineData("docs.python.org", "https://docs.python.org/3/library/", true)]
    [InlineData("docs.python.org", "http://docs.python.org/3/", false)] // https only
    [InlineData("docs.python.org", "https://docs.python.org:8443/", false)]
    [InlineData("docs.python.org", "https://evil.docs.python.org.attacker.example/", false)]
    [InlineData("docs.python.org", "https://user@docs.python.org/", false)]
    [InlineData("*.internal.example", "https://wiki.internal.example/x", true)]
    [InlineData("*.internal.example", "https://a.b.internal.example/x", true)]
    [InlineData("*.internal.example", "https://internal.example/x", false)]
    [InlineData("*.internal.example", "https://evilinternal.example/x", false)]
    [InlineData("host:8443", "https://host:8443/", true)]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/page?q=1", true)]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8081/", false)]
    public void EntriesAllowWhatTheyName(string entry, string url, bool allowed)
    {
        var origin = WebOrigin.Parse(entry, out var error);
        Assert.True(origin is not null, error);
        Assert.Equal(allowed, origin.Allows(new Uri(url)));
    }

    [Theory]
    [InlineData("http://docs.python.org")] // plain http to a real host
    [InlineData("docs.python.org/3/")] // a path
    [InlineData("ftp://host")]
    [InlineData("a.*.example")]
    [InlineData("*")]
    public void BadEntriesAreRefusedWithAReason(string entry)
    {
        Assert.Null(WebOrigin.Parse(entry, out var error));
        Assert.Contains(entry, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectListOnlyNarrows()
    {
        var user = new WebAllowList([WebOrigin.Parse("*.internal.example", out _)!, WebOrigin.Parse("docs.python.org", out _)!]);
        var project = new[] { WebOrigin.Parse("wiki.internal.example", out _)!, WebOrigin.Parse("evil.example", out _)! };
        var narrowed = user.Narrow(project, out var dropped);
        Assert.True(narrowed.Allows(new Uri("https://wiki.internal.example/")));
        Assert.False(narrowed.Allows(new Uri("https://docs.python.org/")));
        Assert.False(narrowed.Allows(new Uri("https://evil.example/")));
        Assert.Equal("evil.example", Assert.Single(dropped).Host);
    }
}
