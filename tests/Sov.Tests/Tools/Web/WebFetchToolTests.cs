using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Secrets;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;
using Sov.Core.Tools.Web;
using Sov.Core.Web;

namespace Sov.Tests.Tools.Web;

/// <summary>web_fetch (#17) over a fake fetcher: the list decides before anything leaves, every fetch is journaled, HTML becomes Markdown.</summary>
public sealed class WebFetchToolTests : ToolTestBase
{
    private readonly List<IJournalRecord> _records = [];
    private readonly FakeFetcher _fetcher = new();
    private readonly WebFetchTool _tool;

    public WebFetchToolTests() =>
        _tool = new WebFetchTool(new WebAllowList([WebOrigin.Parse("docs.example", out _)!]), _fetcher, _records.Add, new Redactor());

    private sealed class FakeFetcher : IWebFetcher
    {
        public List<Uri> Asked { get; } = [];

        public WebPage Page { get; set; } = new(new Uri("https://docs.example/"), 200, "text/html", "<h1>Hi</h1><p>there</p>"u8.ToArray(), false, []);

        public Task<WebPage> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
        {
            Asked.Add(url);
            return Task.FromResult(Page with { FinalUrl = url });
        }
    }

    private static ToolArguments Args(WebFetchTool tool, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ArgumentCoercer.Coerce(tool.Schema, doc.RootElement);
    }

    [Fact]
    public void TheEffectSaysWhetherTheListAllowsTheUrl()
    {
        Assert.Equal(true, Assert.IsType<Network>(_tool.EffectOf(Args(_tool, """{"url":"https://docs.example/a"}"""))).Listed);
        Assert.Equal(false, Assert.IsType<Network>(_tool.EffectOf(Args(_tool, """{"url":"https://other.example/a"}"""))).Listed);
        Assert.Equal(false, Assert.IsType<Network>(_tool.EffectOf(Args(_tool, """{"url":"file:///etc/passwd"}"""))).Listed);
    }

    [Fact]
    public async Task AnAllowedPageIsJournaledWithUrlSizeAndHashAndConvertedToMarkdown()
    {
        var result = await RunAsync(_tool, """{"url":"https://docs.example/guide?x=1","prompt":"install steps"}""");
        Assert.False(result.IsError, result.Text);
        Assert.Contains("# Hi\n\nthere", result.Text, StringComparison.Ordinal);
        Assert.Contains("Looking for: install steps", result.Text, StringComparison.Ordinal);
        var record = Assert.IsType<WebFetchRecord>(Assert.Single(_records));
        Assert.Equal("https://docs.example/guide?x=1", record.Url);
        Assert.Equal(_fetcher.Page.Body.Length, record.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_fetcher.Page.Body)), record.Sha256);
    }

    [Fact]
    public async Task AHostOffTheListIsRefusedWithoutAFetch()
    {
        var result = await RunAsync(_tool, """{"url":"https://other.example/"}""");
        Assert.True(result.IsError);
        Assert.Contains("not in the [web] allow list", result.Text, StringComparison.Ordinal);
        Assert.Empty(_fetcher.Asked);
        Assert.Equal("refused", Assert.IsType<WebFetchRecord>(Assert.Single(_records)).Outcome);
    }

    [Fact]
    public async Task AUrlCarryingASecretIsRefusedAndTheJournalKeepsItRedacted()
    {
        const string Key = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        var result = await RunAsync(_tool, $$"""{"url":"https://docs.example/?k={{Key}}"}""");
        Assert.True(result.IsError);
        Assert.Empty(_fetcher.Asked);
        var record = Assert.IsType<WebFetchRecord>(Assert.Single(_records));
        Assert.DoesNotContain(Key, record.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryContentIsNotShown()
    {
        _fetcher.Page = _fetcher.Page with { ContentType = "application/octet-stream", Body = [0, 1, 2] };
        var result = await RunAsync(_tool, """{"url":"https://docs.example/blob"}""");
        Assert.True(result.IsError);
        Assert.Contains("not text", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, Assert.IsType<WebFetchRecord>(Assert.Single(_records)).Bytes);
    }

    [Fact]
    public void TheDescriptionNamesTheHosts() => Assert.Contains("docs.example", _tool.Description, StringComparison.Ordinal);

    [Fact]
    public void TheRecordWritesItsFields()
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            new WebFetchRecord("https://a/", "fetched") { Status = 200, Bytes = 3, Sha256 = "ab" }.WriteFields(w);
            w.WriteEndObject();
        }

        Assert.Equal("""{"url":"https://a/","outcome":"fetched","status":200,"bytes":3,"sha256":"ab","truncated":false}""", Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
