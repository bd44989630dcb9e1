using System.Diagnostics;
using System.Text.Json;

namespace Sov.EndToEnd.RedTeam;

/// <summary>
/// Issue #12, item 5: an MCP server could flood or stall a session (2,000 tools with 16 KiB schemas made a
/// 32.8 MB first request; a tools/call that never answered hung sov exec; a 300 MB result took 2.8 GB of memory
/// before the 64 K cap applied). Each test runs the published binary against tests/fixtures/mcp/hostile_server.py
/// in one of its modes: every read from the server is bounded in time and bytes, names follow MCP's rule, and
/// the session carries on.
/// </summary>
public sealed class RedTeamMcpFloodTests
{
    private const int McpCap = 64 * 1024;

    /// <summary>The hostile server as [mcp.servers.hx] in one of its modes, with a short timeout (start-up's follows it).</summary>
    private static void Configure(RedTeamWorld w, string mode, string extra = "") =>
        McpFixture.Configure(w, "hostile_server.py", "hx", $"HOSTILE = \"{mode}\"", "timeout_seconds = 3\n" + extra);

    private static List<string> Offered(RedTeamWorld w) =>
        [.. JsonDocument.Parse(w.Harness.Server.ChatRequests[0].Body).RootElement.GetProperty("tools").EnumerateArray()
            .Select(t => t.GetProperty("function").GetProperty("name").GetString()!)
            .Where(n => n.StartsWith("mcp__", StringComparison.Ordinal))];

    // Issue #12 (items 4 and 5): tool names with spaces, newlines, a slash, unicode, an OSC escape or 10 KB are
    // left out with a warning that shows them inert; the permission rule names the tool exactly as the server does.
    [Fact]
    public async Task NamesOutsideMcpsRuleAreLeftOutAndShownInert()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "names", """

            [permissions]
            allow = ["mcp:hx/ok_tool", "mcp:hx/dotted.name-1"]
            """);
        var result = await w.AttackAsync("auto-edit", ("mcp__hx__ok_tool", new { text = "a" }), ("mcp__hx__dotted.name-1", new { text = "b" }));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["mcp__hx__ok_tool", "mcp__hx__dotted.name-1", "mcp__hx__dup"], Offered(w));
        Assert.Equal("echo: a", w.ToolMessage(0));
        Assert.Equal("echo: b", w.ToolMessage(1));

        var output = result.Stdout + result.Stderr;
        Assert.Contains("names break MCP's rule", output, StringComparison.Ordinal);
        Assert.Contains("'has space'", output, StringComparison.Ordinal);
        Assert.Contains("'new line'", output, StringComparison.Ordinal);
        Assert.Contains("(10240 characters)", output, StringComparison.Ordinal);
        Assert.Contains("and 2 more", output, StringComparison.Ordinal);
        Assert.Contains("names are taken: 'dup'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b]0;owned", output, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 200), output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("line", StringComparison.Ordinal));
        w.AssertUntouched();
    }

    // Issue #12: 2,000 tools with 16 KiB schemas made a 32.8 MB first request.
    [Fact]
    public async Task TwoThousandToolsAreCappedInCountAndBytes()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "flood");
        var result = await w.AttackAsync("full-auto");
        Assert.Equal(0, result.ExitCode);
        Assert.True(w.Harness.Server.ChatRequests[0].Body.Length < 200_000, $"first request {w.Harness.Server.ChatRequests[0].Body.Length} bytes");
        Assert.InRange(Offered(w).Count, 1, 64);
        Assert.Contains("tools left out over the caps", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("tools = [\"...\"]", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowListNarrowsWhatTheModelSees()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "flood", """tools = ["t3", "t1999", "t5000"]""");
        var result = await w.AttackAsync("full-auto");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["mcp__hx__t3", "mcp__hx__t1999"], Offered(w));
        Assert.Contains("names tools the server does not offer: 't5000'", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("over the caps", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    // Issue #12: a tools/list whose nextCursor never ends is followed for 16 pages, no more.
    [Fact]
    public async Task AListThatNeverEndsIsCutAfterSixteenPages()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "loop");
        var result = await w.AttackAsync("full-auto", ("mcp__hx__echo", new { text = "still here" }));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["mcp__hx__echo"], Offered(w));
        Assert.Equal("echo: still here", w.ToolMessage(0));
        Assert.Contains("listed more than 16 pages of tools", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    // Issue #12: a server that never answers initialize or tools/list, or answers tools/list with 300 MB, is
    // left out within its startup_timeout_seconds (or at the message cap), and the session goes on.
    [Theory]
    [InlineData("hang-init", "did not start within 3 s (startup_timeout_seconds in [mcp.servers.hx])")]
    [InlineData("hang-list", "did not start within 3 s (startup_timeout_seconds in [mcp.servers.hx])")]
    [InlineData("huge-list", "over 4 MiB")]
    public async Task AServerThatStallsOrFloodsAtStartIsLeftOut(string mode, string expected)
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, mode);
        var clock = Stopwatch.StartNew();
        var result = await w.AttackAsync("full-auto", ("list_dir", new { path = "." }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MCP server 'hx' is not available", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Offered(w));
    }

    // Issue #12: a tools/call that never answers hung sov exec (still waiting at 150 s).
    [Fact]
    public async Task ACallThatNeverAnswersTimesOutAndTheServerStaysUsable()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "");
        var clock = Stopwatch.StartNew();
        var result = await w.AttackAsync("full-auto", ("mcp__hx__hang", new { }), ("mcp__hx__echo", new { text = "after" }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no answer to tools/call within 3 s (timeout_seconds in [mcp.servers.hx])", w.ToolMessage(0), StringComparison.Ordinal);
        Assert.Equal("echo: after", w.ToolMessage(1));
    }

    // Issue #12: a 300 MB result took 2.8 GB of memory before the 64 K cap applied. Reading stops at 4 MiB, in
    // whichever part of the result the bytes are; the server is ended and the session goes on.
    [Theory]
    [InlineData("mcp__hx__huge_text")]
    [InlineData("mcp__hx__huge_structured")]
    [InlineData("mcp__hx__huge_image")]
    [InlineData("mcp__hx__huge_resource")]
    public async Task AHugeResultIsCutWhileReading(string tool)
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "");
        var clock = Stopwatch.StartNew();
        var result = await w.AttackAsync("full-auto", (tool, new { }), ("mcp__hx__echo", new { text = "after" }), ("list_dir", new { path = "." }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sent a message over 4 MiB", w.ToolMessage(0), StringComparison.Ordinal);
        Assert.Contains("MCP server 'hx'", w.ToolMessage(1), StringComparison.Ordinal);
        Assert.Contains("hostile_server.py", w.ToolMessage(2), StringComparison.Ordinal);
    }

    // Issue #12: many items under the message cap are cut to the 64 K output cap as they are put together, and a
    // server that floods log notifications before answering neither stalls the call nor swells the session.
    [Theory]
    [InlineData("mcp__hx__many_items", "more characters not shown]")]
    [InlineData("mcp__hx__chatty", "chatty done")]
    public async Task ManyItemsOrAFloodOfNotificationsStayWithinTheCaps(string tool, string expected)
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w, "");
        var result = await w.AttackAsync("full-auto", (tool, new { }));
        Assert.Equal(0, result.ExitCode);
        var message = w.ToolMessage(0);
        Assert.True(message.Length <= McpCap + 100, $"{message.Length} characters");
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    // Issue #12, over HTTP: a call that never answers times out, and a 300 MB answer without a Content-Length is
    // cut at 4 MiB while the response body is read.
    [Fact]
    public async Task AnHttpServerIsBoundedInTimeAndBytesToo()
    {
        await using var w = await RedTeamWorld.StartAsync();
        await using var remote = await McpFixture.ConfigureHttpAsync(w, "timeout_seconds = 3");
        var clock = Stopwatch.StartNew();
        var result = await w.AttackAsync("full-auto", ("mcp__remote__hang", new { }), ("mcp__remote__huge", new { }), ("mcp__remote__echo", new { text = "after" }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no answer to tools/call within 3 s", w.ToolMessage(0), StringComparison.Ordinal);
        Assert.Contains("over 4 MiB", w.ToolMessage(1), StringComparison.Ordinal);
        Assert.Equal("http says: after", w.ToolMessage(2));
    }
}
