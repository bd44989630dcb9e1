using Sov.Cli.Acp;
using Sov.Cli.Acp.Wire;
using Sov.Core.Config;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: MCP servers an editor offers are connected only when the user's config allows it (off by default), then only
/// stdio servers (sandboxed, no network, as configured ones), never an HTTP endpoint config.toml does not name.
/// </summary>
public sealed class EditorMcpServersTests
{
    private static readonly McpServerEntry Stdio = new(null, "files", "/usr/bin/mcp-files", ["--root", "."], [new NameValue("TOKEN", "t")], null, null);
    private static readonly McpServerEntry Http = new("http", "remote", null, null, null, "https://mcp.example.net/", [new NameValue("Authorization", "x")]);

    [Fact]
    public void OffByDefaultNothingIsConnectedAndThePersonIsTold()
    {
        var (servers, notes) = EditorMcpServers.From([Stdio], new SovConfig { UserFile = "config.toml" });
        Assert.Empty(servers);
        Assert.Contains("editor_mcp_servers", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAllowedStdioServersRunAsConfiguredOnesAndHttpIsRefused()
    {
        var config = new SovConfig { UserFile = "config.toml", Acp = new AcpSection(true), McpServers = [new McpServerSettings("taken") { Command = "x" }] };
        var (servers, notes) = EditorMcpServers.From([Stdio, Http, Stdio with { Name = "taken" }, Stdio with { Name = "bad name;" }], config);
        var server = Assert.Single(servers);
        Assert.Equal("files", server.Name);
        Assert.True(server.Sandbox);
        Assert.False(server.Network);
        Assert.Null(server.Url);
        Assert.Equal(["--root", "."], server.Args);
        Assert.Equal("t", server.Env["TOKEN"]);
        Assert.Equal(3, notes.Count);
    }

    // Review of #20: editor-offered servers were appended after the policy's MCP allow-list had been applied, so an
    // editor could start any server the policy forbids once the user set [acp] editor_mcp_servers = true.
    [Fact]
    public void TheManagedPolicysMcpAllowListHoldsForTheEditorsServers()
    {
        var user = SovConfigReader.FromText("[acp]\neditor_mcp_servers = true\n", "/home/me/config.toml");
        var config = Sov.Core.Policy.PolicyClamp.Apply(user, Sov.Core.Policy.PolicyParser.Parse("/etc/sov/policy.toml", Sov.Tests.Policy.PolicySamples.Full));
        var (servers, notes) = EditorMcpServers.From([Stdio with { Name = "evil", Command = "/tmp/evil" }, Stdio with { Command = "/tmp/other-files" }, Stdio], config);
        Assert.Equal("/usr/bin/mcp-files", Assert.Single(servers).Command);
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.Contains("managed policy", n, StringComparison.Ordinal));
    }

    [Fact]
    public void TheKeyIsReadFromTheUsersConfig()
    {
        var config = SovConfigReader.FromText("[acp]\neditor_mcp_servers = true\n", Path.GetFullPath("config.toml"));
        Assert.True(config.Acp.EditorMcpServers);
        Assert.Empty(config.Warnings);
    }
}
