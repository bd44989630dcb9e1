using System.Diagnostics;
using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// Runs <c>client/scenario.mjs</c> (the official ACP client library, @agentclientprotocol/sdk from npm, installed by
/// <c>.ci/run</c> with <c>npm ci</c>) against the published <c>sov acp</c>, a scripted model on loopback, a temporary
/// workspace and SOV_HOME. The scenario prints what it saw as one JSON object.
/// </summary>
internal sealed class AcpClientHarness : IAsyncDisposable
{
    private AcpClientHarness(ScriptedModelServer server)
    {
        Server = server;
    }

    public static string ClientFolder { get; } = Path.Combine(SovBinary.RepositoryRoot, "tests", "Sov.EndToEnd", "Acp", "client");

    public ScriptedModelServer Server { get; }

    public DirectoryInfo Workspace { get; } = Directory.CreateTempSubdirectory("sov-acp-ws-");

    public DirectoryInfo Home { get; } = Directory.CreateTempSubdirectory("sov-acp-home-");

    public static async Task<AcpClientHarness> StartAsync() => new(await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken));

    /// <summary>Runs a scenario to its end (bounded); fails with the scenario's own words when a check in it failed.</summary>
    /// <param name="script">The client script in <see cref="ClientFolder"/> (<c>fs.mjs</c>: an editor offering its file system; <c>terminal.mjs</c>: its terminals, #18).</param>
    public async Task<JsonElement> RunAsync(string scenario, string? sessionId = null, IReadOnlyList<string>? wrap = null, string script = "scenario.mjs")
    {
        Assert.True(Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@agentclientprotocol", "sdk")),
            $"The ACP client library is not installed: run 'npm ci --ignore-scripts' in {ClientFolder} (.ci/run does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = ClientFolder };
        foreach (var arg in new[] { script, scenario, SovBinary.Path, Workspace.FullName })
        {
            start.ArgumentList.Add(arg);
        }

        if (sessionId is not null)
        {
            start.ArgumentList.Add(sessionId);
        }

        foreach (var arg in new[] { "--", "--endpoint", Server.BaseUrl.ToString(), "--model", "scripted-model" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = Home.FullName;
        if (wrap is not null)
        {
            start.Environment["SOV_ACP_WRAP"] = JsonSerializer.Serialize(wrap);
        }

        var run = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(120), $"the ACP scenario {scenario}", TestContext.Current.CancellationToken);
        Assert.True(run.ExitCode == 0, $"scenario {scenario} failed ({run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Workspace.Delete(recursive: true);
        Home.Delete(recursive: true);
    }
}
