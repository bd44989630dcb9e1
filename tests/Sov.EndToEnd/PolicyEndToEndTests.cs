using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>
/// #20 with a binary built for a test path (<c>dotnet build src/Sov.Cli -p:SovPolicyPath=/tmp/sov-policy-e2e/policy.toml</c>):
/// <c>SOV_POLICY_BIN</c> names it (.ci/run builds one; without it, the published binary of <c>SOV_BIN</c> is tried).
/// The policy is written root-owned there, so these run as root (CI) and are skipped otherwise, or when the binary
/// was built with the product's path. The tests of one class run one after another, so they share the one path.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PolicyEndToEndTests : IDisposable
{
    private const string Folder = "/tmp/sov-policy-e2e";
    private const string PolicyPath = Folder + "/policy.toml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The binary built for <see cref="PolicyPath"/> (#20: CI builds it and names it in SOV_POLICY_BIN), else the published one.</summary>
    private static string? Binary => Environment.GetEnvironmentVariable("SOV_POLICY_BIN") is { Length: > 0 } built ? built : null;

    private readonly string _home = Directory.CreateTempSubdirectory("sov-e2e-policy-").FullName;
    private bool _ready;

    /// <summary>Skips unless root with a binary built for the test path; then leaves an empty root-owned folder there.</summary>
    private async Task ReadyAsync()
    {
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];
        if (uid != "0")
        {
            Assert.Skip("the policy file must be root-owned: run as root (CI does).");
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        var shown = await SovRun.RunAsync(["policy", "show"], sovHome: _home, binary: Binary, cancellationToken: Ct);
        if (!shown.Stdout.Contains($"Policy file: {PolicyPath} (absent)", StringComparison.Ordinal))
        {
            Assert.Skip($"the binary was not built with -p:SovPolicyPath={PolicyPath}; name one that was in SOV_POLICY_BIN (it says: {shown.Stdout.Split('\n')[0]}).");
        }

        Directory.CreateDirectory(Folder);
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        _ready = true;
    }

    private static void Policy(string text, int mode = 0b110_100_100)
    {
        File.WriteAllText(PolicyPath, text);
        File.SetUnixFileMode(PolicyPath, (UnixFileMode)mode);
    }

    private string Journal() => string.Concat(Directory.GetFiles(Path.Combine(_home, "journal"), "*.jsonl").Select(File.ReadAllText));

    [Fact]
    public async Task FullAutoInTheUserConfigRunsInAutoEditSaysSoAndTheSessionJournalsThePolicyHash()
    {
        await ReadyAsync();
        await using var exec = await ExecHarness.StartAsync();
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[permissions]\nmode = \"full-auto\"\n");
        Policy("[permissions]\nmax_mode = \"auto-edit\"\n");

        var result = await exec.ExecAsync(["say hello"], sovHome: _home, binary: Binary);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"the managed policy {PolicyPath}:2 allows at most auto-edit: running in auto-edit, not full-auto", result.Stderr, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(PolicyPath)));
        Assert.Contains($"\"policy_sha256\":\"{hash}\"", Journal(), StringComparison.Ordinal);
        Assert.Contains("\"permission_mode\":\"auto-edit\"", Journal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointNotInThePolicyIsRefusedBeforeTheEgressGateIsAsked()
    {
        await ReadyAsync();
        await using var exec = await ExecHarness.StartAsync();
        Policy("[model]\nendpoints = [\"http://127.0.0.1:1/v1\"]\n");

        var result = await exec.ExecAsync(["say hello"], sovHome: _home, binary: Binary);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"is not allowed by the managed policy {PolicyPath}:2", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(exec.Server.Requests);
        Assert.DoesNotContain("\"egress_", Journal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnMcpServerThePolicyDoesNotAllowDoesNotStart()
    {
        await ReadyAsync();
        await using var exec = await ExecHarness.StartAsync();
        var marker = Path.Combine(exec.Workspace.FullName, "started");
        File.WriteAllText(Path.Combine(_home, "config.toml"), $"[mcp.servers.probe]\ncommand = \"/bin/sh\"\nargs = [\"-c\", \"touch {marker}\"]\nsandbox = false\n");
        Policy("[mcp.servers.files]\ncommand = \"/usr/bin/mcp-files\"\n");

        var result = await exec.ExecAsync(["say hello"], sovHome: _home, binary: Binary);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(marker));
        Assert.Contains($"MCP server 'probe' is not started: the managed policy {PolicyPath}:1 does not allow it", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APolicyFileWithMode0666MakesEveryCommandExitThree()
    {
        await ReadyAsync();
        Policy("[permissions]\nmax_mode = \"ask\"\n", 0b110_110_110);
        foreach (var args in new[] { ["--version"], ["privacy"], ["policy", "show"], ["doctor"], ["audit", "verify", "--all"], ["exec", "--endpoint", "http://127.0.0.1:1/v1", "hi"], new[] { "prompt", "show" } })
        {
            var result = await SovRun.RunAsync(args, sovHome: _home, binary: Binary, cancellationToken: Ct);
            Assert.True(result.ExitCode == 3, $"sov {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
            Assert.StartsWith($"sov: The managed policy {PolicyPath} is refused: {PolicyPath} is writable by group or others (mode 0666).", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PolicyShowPrintsTheEffectivePolicyAndWhereEachValueCameFrom()
    {
        await ReadyAsync();
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[permissions]\nmode = \"full-auto\"\n");
        Policy("[permissions]\nmax_mode = \"auto-edit\"\n");

        var result = await SovRun.RunAsync(["policy", "show"], sovHome: _home, binary: Binary, cancellationToken: Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Managed policy: {PolicyPath}", result.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"mode +auto-edit +policy {PolicyPath}:2 lowers your config's full-auto", result.Stdout);
    }

    [Fact]
    public async Task RequiredExportStreamsEachSessionToThePolicysCollectorEvenWithStreamingOffInTheUserConfig()
    {
        // #20: "required journal export" is real: the session streams to the policy's collector, not the user's, whatever the user says.
        await ReadyAsync();
        await using var collector = await Sov.TestKit.Network.OtlpCollector.StartAsync(Ct);
        await using var exec = await ExecHarness.StartAsync();
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[audit.export]\nendpoint = \"http://127.0.0.1:9\"\nstream = false\ninterval_seconds = 0.05\n");
        Policy($"[audit.export]\nendpoint = \"{collector.Endpoint}\"\n");

        var result = await exec.ExecAsync(["say hello"], sovHome: _home, binary: Binary);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var session = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(Path.Combine(_home, "journal"), "*.jsonl"),
            f => !File.ReadLines(f).First().Contains("\"kind\":\"audit-export\"", StringComparison.Ordinal))); // the exec session, not its export's tail
        Assert.Contains(collector.Records, r => r.Session == session && r.Type == "egress_request");
        var status = await SovRun.RunAsync(["audit", "export", "--status"], sovHome: _home, binary: Binary, cancellationToken: Ct);
        Assert.Contains("(required by the managed policy)", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredExportOverItsBacklogBoundStartsNoNewSession()
    {
        // #20: the spool's bound with export required: nothing is dropped, and no new session starts until the collector catches up.
        await ReadyAsync();
        await using var exec = await ExecHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(_home, "journal"));
        File.WriteAllText(Path.Combine(_home, "journal", "20260101T000000Z-00000000.jsonl"), new string('x', 2 << 20) + "\n");
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[audit.export]\nmax_backlog_mb = 1\n");
        Policy("[audit.export]\nendpoint = \"http://127.0.0.1:9\"\n"); // nothing listens there

        var result = await exec.ExecAsync(["say hello"], sovHome: _home, binary: Binary);

        Assert.True(result.ExitCode == 3, result.Stderr);
        Assert.Contains("the managed policy requires journal export", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(exec.Server.ChatRequests);
    }

    public void Dispose()
    {
        if (_ready && File.Exists(PolicyPath))
        {
            File.Delete(PolicyPath);
        }

        Directory.Delete(_home, recursive: true);
    }
}
