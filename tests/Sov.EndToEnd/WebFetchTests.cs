using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;
using Sov.TestKit.Network;

namespace Sov.EndToEnd;

/// <summary>
/// web_fetch on the published binary (#17): absent from the request without <c>[web]</c> config; a host off the list
/// refused before any name is resolved (strace); an allowed fetch to a loopback site journaled with URL, size and hash,
/// its HTML converted and its hidden characters revealed before the model sees them. Traffic only to loopback.
/// </summary>
public sealed class WebFetchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A page hiding an instruction in tag characters (invisible) and a zero-width space.
    private const string Page = "<html><head><title>Guide</title><script>steal()</script></head><body><h1>Install</h1>" +
        "<p>Run <code>pip install x</code>.\U000E0049\U000E0047\U000E004E\u200B</p><ul><li>one</li><li>two</li></ul></body></html>";

    private static List<JsonElement> Journal(string home) =>
        [.. Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Home(string config)
    {
        var home = Directory.CreateTempSubdirectory("sov-web-home-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), config);
        return home;
    }

    [Fact]
    public async Task WithoutWebConfigTheToolIsAbsentFromTheRequest()
    {
        await using var h = await ExecHarness.StartAsync();
        var result = await h.ExecAsync(["say hello"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("web_fetch", h.Server.ChatRequests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowedLoopbackPageIsJournaledConvertedAndRevealedAndAHostOffTheListIsRefusedBeforeDns()
    {
        Assert.SkipWhen(StraceObserver.StracePath is null, "strace is not installed");
        await using var site = await WebPageServer.StartAsync(Ct);
        site.Page("/guide", Page);
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        var url = new Uri(site.Origin, "/guide?v=3").AbsoluteUri;
        server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "web_fetch", """{"url":"https://docs.python.org/3/"}"""),
            new ScriptedResponse().ToolCall("c2", "web_fetch", $$"""{"url":"{{url}}","prompt":"install steps"}"""),
            ScriptedResponse.Text("Run pip install x."));
        var home = Home($"[web]\nallow = [\"{site.Origin.GetLeftPart(UriPartial.Authority)}\"]\n");
        var ws = Directory.CreateTempSubdirectory("sov-web-ws-");
        var env = new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["SOV_HOME"] = home, ["HTTPS_PROXY"] = "http://198.51.100.7:3128" };

        var trace = await StraceObserver.RunAsync(SovBinary.Path,
            ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "how do I install x?"], env, ws.FullName, cancellationToken: Ct);

        Assert.True(trace.ExitCode == 0, trace.Stderr);
        Assert.True(trace.NameResolution.Count == 0, string.Join("; ", trace.NameResolution)); // docs.python.org was never looked up
        Assert.Equal(new[] { $"127.0.0.1:{server.Origin.Port}", $"127.0.0.1:{site.Origin.Port}" }.Order(StringComparer.Ordinal),
            trace.Destinations.Order(StringComparer.Ordinal)); // the model server and the allowed site, nothing else
        Assert.Equal(["/guide?v=3"], site.Requests);
        Assert.Contains("web_fetch", server.ChatRequests[0].Body, StringComparison.Ordinal);
        Assert.Contains("not in your [web] allow list", server.ChatRequests[1].Body, StringComparison.Ordinal);

        // What the model saw: Markdown, no script, hidden characters revealed (never passed on invisibly).
        var third = server.ChatRequests[2].Body;
        using var doc = JsonDocument.Parse(third);
        var shown = doc.RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "tool").GetProperty("content").GetString()!;
        Assert.Contains("# Install", shown, StringComparison.Ordinal);
        Assert.Contains("Run `pip install x`.", shown, StringComparison.Ordinal);
        Assert.Contains("- one\n- two", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("steal()", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\U000E0049", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200B", shown, StringComparison.Ordinal);

        // The journal: the exact URL, its size and the SHA-256 of the bytes received; the refused call is there too.
        var journal = Journal(home);
        var fetch = Assert.Single(journal, r => r.GetProperty("type").GetString() == "web_fetch");
        var bytes = Encoding.UTF8.GetBytes(Page);
        Assert.Equal(url, fetch.GetProperty("url").GetString());
        Assert.Equal(bytes.Length, fetch.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), fetch.GetProperty("sha256").GetString());
        Assert.Contains(journal, r => r.GetRawText().Contains("docs.python.org", StringComparison.Ordinal) && r.GetRawText().Contains("not in your [web] allow list", StringComparison.Ordinal));
        var verify = await SovRun.RunAsync(["audit", "verify", "--all"], sovHome: home, cancellationToken: Ct);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        ws.Delete(true);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task PrivacyShowsWhatWebFetchMayReach()
    {
        var off = await SovRun.RunAsync(["privacy"], sovHome: Home("endpoint = \"http://127.0.0.1:8000/v1\"\n"), cancellationToken: Ct);
        Assert.Contains("web_fetch: off", off.Stdout, StringComparison.Ordinal);
        var on = await SovRun.RunAsync(["privacy"], sovHome: Home("endpoint = \"http://127.0.0.1:8000/v1\"\n[web]\nallow = [\"docs.python.org\", \"*.internal.example\"]\n"), cancellationToken: Ct);
        Assert.True(on.ExitCode == 0, on.Stderr);
        Assert.Contains("https://docs.python.org:443  web_fetch", on.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://*.internal.example:443  web_fetch", on.Stdout, StringComparison.Ordinal);
    }
}
