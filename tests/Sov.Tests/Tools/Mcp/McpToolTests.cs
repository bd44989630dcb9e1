using Sov.Borders.FileSystem;
using System.Text.Json;
using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Tools.Mcp;

/// <summary>MCP tools as the agent sees them: names, schemas, untrusted text, the policy, and the config they come from.</summary>
public sealed class McpToolTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task SchemaPassesThroughArgumentsAreCoercedAndOutputIsRevealed()
    {
        var schema = Json("""{"type":"object","properties":{"n":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}},"any":{"anyOf":[{"type":"string"},{"type":"null"}]}},"required":["n"],"additionalProperties":false}""");
        var server = new FakeMcpServer("fx", new McpCallResult("ok\u202Eevil", false));
        var tool = new McpTool(server, new McpToolInfo("t", "Does t.\u200B", schema));
        Assert.Contains("\"additionalProperties\":false", tool.Schema.Json, StringComparison.Ordinal);
        Assert.Contains("U+200B", tool.Description, StringComparison.Ordinal);
        Assert.False(tool.IsReadOnly);

        var args = ArgumentCoercer.Coerce(tool.Schema, Json("""{"n":"3","tags":["a"],"any":"x"}"""));
        var output = await tool.ExecuteAsync(args, null!, TestContext.Current.CancellationToken);
        Assert.Equal(3, ((JsonElement)server.LastArguments!["n"]!).GetInt64());
        Assert.Equal("x", ((JsonElement)server.LastArguments!["any"]!).GetString());
        Assert.DoesNotContain("\u202E", output.Text, StringComparison.Ordinal);
        Assert.Contains("U+202E", output.Text, StringComparison.Ordinal);
        Assert.Throws<ToolException>(() => ArgumentCoercer.Coerce(tool.Schema, Json("""{"tags":[]}""")));
    }

    [Theory]
    [InlineData("ask", "fx", "echo", Verdict.Ask)]
    [InlineData("auto-edit", "fx", "echo", Verdict.Ask)]
    [InlineData("full-auto", "fx", "echo", Verdict.Allow)]
    [InlineData("read-only", "fx", "echo", Verdict.Deny)]
    [InlineData("read-only", "fx", "search", Verdict.Allow)]
    [InlineData("full-auto", "fx", "write", Verdict.Deny)]
    [InlineData("ask", "gh", "list", Verdict.Allow)]
    public void ThePolicyDecidesByRuleThenMode(string mode, string server, string tool, Verdict expected)
    {
        var rules = PermissionRules.Parse(["mcp:fx/search", "mcp:gh/*"], [], ["mcp:fx/write"]);
        Assert.True(PermissionModes.TryParse(mode, out var parsed));
        var policy = new PermissionPolicy(parsed, rules, sandboxAvailable: true);
        Assert.Equal(expected, policy.DecideMcp(server, tool).Verdict);
    }

    [Fact]
    public void ServersComeFromConfigWithClearErrors()
    {
        var dir = Directory.CreateTempSubdirectory("sov-mcp-config-").FullName;
        try
        {
            var file = Path.Join(dir, "config.toml");
            File.WriteAllText(file, """
                [mcp.servers.files]
                command = "npx"
                args = ["-y", "server-filesystem", "."]
                env = { LOG = "1" }
                env_from = ["GITHUB_TOKEN"]
                network = true

                [mcp.servers.remote]
                url = "https://mcp.internal.example/mcp"
                bearer_token_env = "MCP_TOKEN"
                """);
            var servers = SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers;
            Assert.Equal(["files", "remote"], servers.Select(s => s.Name));
            Assert.Equal(("npx", 3, "1", "GITHUB_TOKEN", true, true), (servers[0].Command, servers[0].Args.Count, servers[0].Env["LOG"], servers[0].EnvFrom[0], servers[0].Network, servers[0].Sandbox));
            Assert.Equal(("https://mcp.internal.example/mcp", "MCP_TOKEN"), (servers[1].Url!.ToString(), servers[1].BearerTokenEnv));

            File.WriteAllText(file, "[mcp.servers.both]\ncommand = \"x\"\nurl = \"http://h\"\n");
            var e = Assert.Throws<ConfigException>(() => SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers);
            Assert.Contains("mcp.servers.both", e.Message, StringComparison.Ordinal);
            File.WriteAllText(file, "[mcp.servers.bad]\ncommand = \"x\"\nnetwork = \"yes\"\n");
            Assert.Throws<ConfigException>(() => SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers);
            File.WriteAllText(file, "[mcp.servers.\"my server\"]\ncommand = \"x\"\n");
            Assert.Contains("a name the model cannot call its tools by", Assert.Throws<ConfigException>(() => SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers).Message, StringComparison.Ordinal);
            File.WriteAllText(file, "[mcp.servers.slow]\ncommand = \"x\"\ntimeout_seconds = 0\n");
            Assert.Contains("timeout_seconds", Assert.Throws<ConfigException>(() => SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers).Message, StringComparison.Ordinal);
            File.WriteAllText(file, "[mcp.servers.slow]\ncommand = \"x\"\ntimeout_seconds = 300\nstartup_timeout_seconds = 5\ntools = [\"a\"]\n");
            var slow = Assert.Single(SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers);
            Assert.Equal((300, 5, "a"), ((int)slow.CallTimeout.TotalSeconds, (int)slow.StartupTimeout.TotalSeconds, Assert.Single(slow.Tools!)));
            Assert.Equal((60, 30), ((int)servers[0].CallTimeout.TotalSeconds, (int)servers[0].StartupTimeout.TotalSeconds));
            File.WriteAllText(file, "[mcp.servers.quick]\ncommand = \"x\"\ntimeout_seconds = 4\n");
            Assert.Equal(4, (int)Assert.Single(SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers).StartupTimeout.TotalSeconds);
            Assert.Null(servers[0].Tools);
            File.WriteAllText(file, "model = \"m\"\n");
            Assert.Empty(SovConfigReader.Read(new NativeFileSystem(), file, null).McpServers);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Review finding: strings inside an MCP schema (property descriptions, enum values) reached the model raw.
    [Fact]
    public void EveryStringOfTheSchemaIsRevealedAndAHugeSchemaIsCut()
    {
        var server = new FakeMcpServer("fx", new McpCallResult("", false));
        var sneaky = new McpTool(server, new McpToolInfo("t", "fine", Json("""{"type":"object","properties":{"mode":{"type":"string","description":"pick\u202Eone","enum":["a\u200Bb"]}}}""")));
        Assert.True(sneaky.HidesCharacters);
        Assert.DoesNotContain("\u202E", sneaky.Schema.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", sneaky.Schema.Json, StringComparison.OrdinalIgnoreCase);
        Assert.True(sneaky.Schema.Json.Contains("U+202E", StringComparison.Ordinal), sneaky.Schema.Json);
        var clean = new McpTool(server, new McpToolInfo("t", "fine 👍", Json("""{"type":"object","properties":{"q":{"type":"string"}}}""")));
        Assert.False(clean.HidesCharacters);

        var huge = "{\"type\":\"object\",\"properties\":{" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}")) + "}}";
        var cut = new McpTool(server, new McpToolInfo("t", "big", Json(huge)));
        Assert.True(cut.SchemaCut);
        Assert.Equal("""{"type":"object"}""", cut.Schema.Json);
    }
}
