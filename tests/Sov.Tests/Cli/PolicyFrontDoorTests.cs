using Sov.Cli;
using Sov.Core;
using Sov.Tests.Policy;
using Sov.TestKit.Model;

namespace Sov.Tests.Cli;

/// <summary>
/// #20, through the front door in process, with a policy file in a temporary folder (the test's reader trusts the
/// test's user; the product's path and owner are fixed): the mode is capped and said so, an endpoint outside the
/// policy is refused before any request, a server it does not allow never starts, an untrusted file stops every command.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PolicyFrontDoorTests : IDisposable
{
    private readonly PolicyFolder _policy = new();
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-policy-home-");
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sov-policy-ws-");
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> RunAsync(params string[] args) =>
        SovApp.RunAsync(args, new CliContext(new Env(_home.FullName), _out, _error) { PolicySource = _policy.Read }, Ct);

    private Task<int> ExecAsync(ScriptedModelServer server, params string[] extra) =>
        RunAsync(["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "-C", _workspace.FullName, .. extra, "say hello"]);

    private void UserConfig(string text) => File.WriteAllText(Path.Combine(_home.FullName, "config.toml"), text);

    private string Journal() => string.Concat(Directory.GetFiles(Path.Combine(_home.FullName, "journal"), "*.jsonl").Select(File.ReadAllText));

    [Fact]
    public async Task FullAutoInTheUserConfigRunsInAutoEditAndSaysSoNamingThePolicy()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        UserConfig("[permissions]\nmode = \"full-auto\"\n");
        var policy = _policy.Write("[permissions]\nmax_mode = \"auto-edit\"\n").Read();

        Assert.Equal(ExitCodes.Ok, await ExecAsync(server));

        var line = Assert.Single(_error.ToString().Split('\n'), l => l.Contains("allows at most auto-edit", StringComparison.Ordinal));
        Assert.Contains($"{_policy.Path}:2", line, StringComparison.Ordinal);
        Assert.Contains("running in auto-edit, not full-auto", line, StringComparison.Ordinal);
        var journal = Journal();
        Assert.Contains("\"permission_mode\":\"auto-edit\"", journal, StringComparison.Ordinal);
        Assert.Contains($"\"policy_sha256\":\"{policy.Sha256}\"", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointOutsideThePolicyIsRefusedBeforeAnyRequestOrLookup()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        _policy.Write("[model]\nendpoints = [\"http://127.0.0.1:1/v1\"]\n");

        Assert.Equal(ExitCodes.Environment, await ExecAsync(server));

        Assert.Contains($"is not allowed by the managed policy {_policy.Path}:2", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.DoesNotContain("\"egress_", Journal(), StringComparison.Ordinal); // the egress gate was never asked
    }

    [Fact]
    public async Task AModelOutsideThePolicyIsRefused()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        _policy.Write("[model]\nmodels = [\"approved\"]\n");
        Assert.Equal(ExitCodes.Environment, await ExecAsync(server));
        Assert.Contains("'scripted-model' is not allowed by the managed policy", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.ChatRequests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnMcpServerThePolicyDoesNotAllowDoesNotStart(bool pinned)
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        var marker = Path.Combine(_workspace.FullName, "started");
        UserConfig($"[mcp.servers.probe]\ncommand = \"/bin/sh\"\nargs = [\"-c\", \"touch {marker}\"]\nsandbox = false\n");
        _policy.Write(pinned ? "[mcp.servers.files]\ncommand = \"/usr/bin/mcp-files\"\n" : "");

        Assert.Equal(ExitCodes.Ok, await ExecAsync(server));

        // without the policy's [mcp] table the server starts (and fails its handshake); with it, it never runs
        Assert.Equal(!pinned, File.Exists(marker));
        Assert.Equal(pinned, _error.ToString().Contains($"MCP server 'probe' is not started: the managed policy {_policy.Path}:1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("prompt", "show")]
    [InlineData("policy", "show")]
    [InlineData("audit", "verify")]
    [InlineData("doctor")]
    [InlineData("--version")]
    [InlineData("exec", "hi")]
    public async Task APolicyFileWithMode0666MakesEveryCommandExitThree(params string[] args)
    {
        _policy.Write("[permissions]\nmax_mode = \"ask\"\n", (UnixFileMode)0b110_110_110);
        Assert.Equal(ExitCodes.Environment, await RunAsync(args));
        var first = _error.ToString().Split('\n')[0];
        Assert.Contains($"The managed policy {_policy.Path} is refused", first, StringComparison.Ordinal);
        Assert.Contains("mode 0666", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyShowPrintsTheEffectivePolicyAndWhereEachValueCameFrom()
    {
        UserConfig("[permissions]\nmode = \"full-auto\"\n");
        var policy = _policy.Write("[permissions]\nmax_mode = \"auto-edit\"\ndeny = [\"read:**/.env\"]\n[model]\nendpoints = [\"http://127.0.0.1:8000/v1\"]\n").Read();

        Assert.Equal(ExitCodes.Ok, await RunAsync("policy", "show"));

        var text = _out.ToString();
        Assert.Contains($"Managed policy: {_policy.Path}", text, StringComparison.Ordinal);
        Assert.Contains(policy.Sha256!, text, StringComparison.Ordinal);
        Assert.Matches($@"mode +auto-edit +policy {System.Text.RegularExpressions.Regex.Escape(_policy.Path)}:2 lowers your config's full-auto", text);
        Assert.Matches($@"deny rule +read:\*\*/\.env +policy {System.Text.RegularExpressions.Regex.Escape(_policy.Path)}:3", text);
        Assert.Matches($@"allowed endpoints +http://127\.0\.0\.1:8000 +policy {System.Text.RegularExpressions.Regex.Escape(_policy.Path)}:5", text);
    }

    [Fact]
    public async Task WithoutAPolicyFileShowSaysSoAndSessionsCarryNoHash()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        Assert.Equal(ExitCodes.Ok, await RunAsync("policy", "show"));
        Assert.Contains("No managed policy is in force", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, await ExecAsync(server));
        Assert.DoesNotContain("policy_sha256", Journal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePolicysRedactionPatternsAreRedactedBeforeTheRequestLeaves()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        _policy.Write("[redaction]\npatterns = [\"ACME-[0-9]{8}\"]\n");
        Assert.Equal(ExitCodes.Ok, await RunAsync("exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "-C", _workspace.FullName, "ticket ACME-12345678 please"));
        var body = Assert.Single(server.ChatRequests).Body;
        Assert.DoesNotContain("ACME-12345678", body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:policy-pattern:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyNamesThePolicyFileAndItsHash()
    {
        var policy = _policy.Write("[model]\nendpoints = [\"http://127.0.0.1:8000/v1\"]\n").Read();
        Assert.Equal(ExitCodes.Ok, await RunAsync("privacy"));
        Assert.Contains($"in force, sha256 {policy.Sha256}", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8000  model endpoint (the managed policy's first", _out.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _policy.Dispose();
        _home.Delete(recursive: true);
        _workspace.Delete(recursive: true);
        _out.Dispose();
        _error.Dispose();
    }
}
