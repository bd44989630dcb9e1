using System.Runtime.CompilerServices;

namespace Sov.EndToEnd.RedTeam;

/// <summary>
/// A Python MCP server from tests/fixtures/mcp configured as a stdio server of the user's config.toml (or the
/// test kit's HTTP server as a remote one). The
/// script is copied into the workspace first: the sandbox has a private /tmp, so a checkout under /tmp (as
/// CI's may be) would not be visible to the server's process otherwise.
/// </summary>
internal static class McpFixture
{
    public static void Configure(RedTeamWorld w, string script, string server, string environment, string extra = "", [CallerFilePath] string source = "")
    {
        var copy = Path.Combine(w.Workspace, script);
        File.Copy(Path.GetFullPath(Path.Join(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "mcp", script)), copy, overwrite: true);
        w.UserConfig($$"""
            [mcp.servers.{{server}}]
            command = "python3"
            args = ["{{copy}}"]
            env = { {{environment}} }
            {{extra}}
            """);
    }

    /// <summary>The loopback HTTP server of the test kit as [mcp.servers.remote], with the given extra keys.</summary>
    public static async Task<Sov.TestKit.Mcp.HttpMcpServer> ConfigureHttpAsync(RedTeamWorld w, string extra)
    {
        var remote = await Sov.TestKit.Mcp.HttpMcpServer.StartAsync(TestContext.Current.CancellationToken);
        w.UserConfig($"[mcp.servers.remote]\nurl = \"{remote.Url}\"\n{extra}\n");
        return remote;
    }
}
