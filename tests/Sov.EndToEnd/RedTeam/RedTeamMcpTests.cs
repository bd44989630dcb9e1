namespace Sov.EndToEnd.RedTeam;

/// <summary>
/// MCP servers from the user's config, against a real stdio server (tests/fixtures/mcp/fixture_server.py) run
/// by the published binary: its tools reach the model as mcp__SERVER__TOOL, each call is decided by the
/// permission policy (headless ask refuses, full-auto runs), and the server itself runs in the sandbox: no
/// network, none of Sovereign's environment, and a hidden instruction in a tool description is shown inert.
/// </summary>
public sealed class RedTeamMcpTests
{
    public static TheoryData<string> Modes => ["full-auto", "ask"];

    private static void Configure(RedTeamWorld w) => McpFixture.Configure(w, "fixture_server.py", "fx", "FIXTURE_MODE = \"test\"");

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task McpToolsRunOnlyAsThePolicySaysAndTheServerIsSandboxed(string mode)
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w);
        var result = await w.AttackAsync(mode,
            ("mcp__fx__echo", new { text = "hello from mcp", times = "2" }),
            ("mcp__fx__env", new { }),
            ("mcp__fx__net", new { port = w.CanaryPort }),
            ("mcp__fx__fail", new { }));
        Assert.Equal(0, result.ExitCode);

        var tools = System.Text.Json.JsonDocument.Parse(w.Harness.Server.ChatRequests[0].Body).RootElement.GetProperty("tools")
            .EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToList();
        Assert.Contains("mcp__fx__echo", tools);
        var poisoned = System.Text.Json.JsonDocument.Parse(w.Harness.Server.ChatRequests[0].Body).RootElement.GetProperty("tools")
            .EnumerateArray().Single(t => t.GetProperty("function").GetProperty("name").GetString() == "mcp__fx__poisoned");
        var description = poisoned.GetProperty("function").GetProperty("description").GetString()!;
        Assert.DoesNotContain("\u202E", description, StringComparison.Ordinal);
        Assert.Contains("U+202E", description, StringComparison.Ordinal);
        Assert.Contains("hides characters", result.Stderr + result.Stdout, StringComparison.Ordinal);

        if (mode == "ask")
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Contains("nobody to ask", w.ToolMessage(i), StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Equal("hello from mcp\nhello from mcp", w.ToolMessage(0));
            var env = w.ToolMessage(1).Split(' ');
            Assert.Contains("FIXTURE_MODE", env);
            Assert.Contains("PATH", env);
            Assert.DoesNotContain("SOV_HOME", env);
            Assert.DoesNotContain(env, e => e.StartsWith("DOTNET", StringComparison.Ordinal));
            Assert.StartsWith("blocked", w.ToolMessage(2), StringComparison.Ordinal);
            Assert.Contains("it failed on purpose", w.ToolMessage(3), StringComparison.Ordinal);
        }

        w.AssertUntouched(); // includes: the canary listener got no connection
    }

    [Fact]
    public async Task RulesDecideMcpToolsByServerAndName()
    {
        await using var w = await RedTeamWorld.StartAsync();
        Configure(w);
        File.AppendAllText(Path.Combine(w.SovHome, "config.toml"), """

            [permissions]
            allow = ["mcp:fx/echo"]
            deny = ["mcp:fx/w*"]
            """);
        var result = await w.AttackAsync("auto-edit",
            ("mcp__fx__echo", new { text = "allowed by rule" }),
            ("mcp__fx__write", new { path = "pwned.txt", text = "x" }),
            ("mcp__fx__env", new { }));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("allowed by rule", w.ToolMessage(0));
        Assert.Contains("deny rule 'mcp:fx/w*'", w.ToolMessage(1), StringComparison.Ordinal);
        Assert.Contains("nobody to ask", w.ToolMessage(2), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(w.Workspace, "pwned.txt")));
        w.AssertUntouched();
    }

    [Fact]
    public async Task AServerThatDoesNotStartIsAWarningNotAFailure()
    {
        await using var w = await RedTeamWorld.StartAsync();
        w.UserConfig("""
            [mcp.servers.broken]
            command = "/nonexistent/server"
            """);
        var result = await w.AttackAsync("full-auto", ("list_dir", new { path = "." }));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MCP server 'broken' is not available", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacySaysWhatEachMcpServerMayReach()
    {
        await using var w = await RedTeamWorld.StartAsync();
        w.UserConfig("""
            [mcp.servers.local]
            command = "python3"

            [mcp.servers.open]
            command = "srv"
            network = true

            [mcp.servers.remote]
            url = "https://mcp.example.internal:8443/mcp"
            bearer_token_env = "TRACKER_TOKEN"
            """);
        var r = await Sov.TestKit.SovRun.RunAsync(["privacy"], workingDirectory: w.Workspace, sovHome: w.SovHome, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("https://mcp.example.internal:8443  MCP server 'remote'", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("MCP server 'local' runs `python3` in the sandbox without network", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("MCP server 'open' runs `srv` in the sandbox WITH network", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("TRACKER_TOKEN: named by you for MCP server 'remote'", r.Stdout, StringComparison.Ordinal);
    }

    // A remote MCP server is reached through the egress gate: the token named by bearer_token_env goes in the
    // Authorization header, and every request to it is journaled with its origin.
    [Fact]
    public async Task AnHttpServerIsReachedThroughTheGateAndJournaled()
    {
        await using var w = await RedTeamWorld.StartAsync();
        await using var remote = await McpFixture.ConfigureHttpAsync(w, "bearer_token_env = \"REMOTE_MCP_TOKEN\"");
        w.Harness.Server.Enqueue(
            new Sov.TestKit.Model.ScriptedResponse().ToolCall("call_0", "mcp__remote__echo", """{"text":"over the wire"}"""),
            Sov.TestKit.Model.ScriptedResponse.Text("done"));
        var result = await w.Harness.ExecAsync(["--mode", "full-auto", "go"],
            environment: new Dictionary<string, string> { ["HOME"] = w.Home, ["REMOTE_MCP_TOKEN"] = "tok-123" }, sovHome: w.SovHome);
        Assert.Equal(0, result.ExitCode);
        Assert.True(w.ToolMessage(0) == "http says: over the wire", result.Stderr + result.Stdout);
        Assert.Contains(remote.Calls, c => c.Method == "tools/call" && c.Authorization == "Bearer tok-123");

        var journal = Directory.EnumerateFiles(Path.Combine(w.SovHome, "journal"), "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var origin = remote.Url.GetLeftPart(UriPartial.Authority);
        Assert.Contains(journal, r => r.GetProperty("type").GetString() == "egress_request" && r.GetProperty("origin").GetString() == origin);
        Assert.DoesNotContain(journal.Select(r => r.GetRawText()), text => text.Contains("tok-123", StringComparison.Ordinal));
    }
}
