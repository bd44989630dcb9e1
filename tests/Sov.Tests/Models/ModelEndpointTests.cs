using Sov.Core.Config;
using Sov.Core.Models;

namespace Sov.Tests.Models;

public sealed class ModelEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1")]
    [InlineData("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1")]
    [InlineData("https://models.corp.example/openai/v1/", "https://models.corp.example/openai/v1/")]
    public void BaseUrls(string given, string expected) => Assert.Equal(expected, ModelEndpoint.ParseBaseUrl(given).ToString());

    [Theory]
    [InlineData("ftp://host/v1")]
    [InlineData("127.0.0.1:8000")]
    [InlineData("not a url")]
    public void NonHttpIsAConfigError(string given) => Assert.Throws<ConfigException>(() => ModelEndpoint.ParseBaseUrl(given));

    [Fact]
    public void ChatCompletionsAndOrigin()
    {
        var e = new ModelEndpoint(new Uri("http://127.0.0.1:8000/v1"), "m");
        Assert.Equal("http://127.0.0.1:8000/v1/chat/completions", e.ChatCompletions.ToString());
        Assert.Equal("http://127.0.0.1:8000/", e.Origin.ToString());
    }

    [Fact]
    public void RetryAfterIsCapped()
    {
        var header = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.FromRetryAfter(header, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void BackoffGrowsAndIsBounded()
    {
        var options = new ModelClientOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = () => 1 };
        Assert.Equal(TimeSpan.FromMilliseconds(100), RetryDelay.Backoff(options, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), RetryDelay.Backoff(options, 2));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelay.Backoff(options, 10));
    }
}
