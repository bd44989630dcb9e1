using Sov.Core.Config;
using Sov.Core.Models;

namespace Sov.Tests.Config;

/// <summary>Issue #12.9: an endpoint URL with user:password was written verbatim into the journal's session record.</summary>
public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("http://alice:hunter2-secret@127.0.0.1:8000/v1")]
    [InlineData("https://token-only-secret@models.corp:443")]
    [InlineData("http://alice:@127.0.0.1:8000")]
    public void AnEndpointWithUserInfoIsRefusedWithoutEchoingIt(string url)
    {
        var e = Assert.Throws<ConfigException>(() => ModelEndpoint.ParseBaseUrl(url));
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", e.Message, StringComparison.Ordinal);
        Assert.Contains("api_key_env", e.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointWithoutUserInfoPasses() =>
        Assert.Equal("http://127.0.0.1:8000/v1", ModelEndpoint.ParseBaseUrl("http://127.0.0.1:8000").AbsoluteUri);
}
