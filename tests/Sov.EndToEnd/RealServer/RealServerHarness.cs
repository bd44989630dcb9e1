using Sov.TestKit;
using Sov.TestKit.RealServer;

namespace Sov.EndToEnd.RealServer;

/// <summary>
/// The published sov binary against a real llama-server (#16) through the steering proxy, in a temporary
/// workspace. Skips the test, saying why, when llama-server and its tiny model are not built.
/// </summary>
internal sealed class RealServerHarness : IAsyncDisposable
{
    private RealServerHarness(RealLlamaServer server, SteeringProxy proxy, DirectoryInfo workspace)
    {
        Server = server;
        Proxy = proxy;
        Workspace = workspace;
    }

    public RealLlamaServer Server { get; }

    public SteeringProxy Proxy { get; }

    public DirectoryInfo Workspace { get; }

    public string SovHome { get; } = Directory.CreateTempSubdirectory("sov-real-home-").FullName;

    public static async Task<RealServerHarness> StartAsync(int contextSize = 8192)
    {
        var install = LlamaInstall.Find();
        Assert.SkipWhen(install is null, LlamaInstall.MissingReason);
        var ct = TestContext.Current.CancellationToken;
        var server = await RealLlamaServer.StartAsync(install!, contextSize, ct);
        var proxy = await SteeringProxy.StartAsync(server, ct);
        return new RealServerHarness(server, proxy, Directory.CreateTempSubdirectory("sov-real-ws-"));
    }

    public string Path(string relative) => System.IO.Path.Combine(Workspace.FullName, relative);

    public void WriteFile(string relative, string content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path(relative))!);
        File.WriteAllText(Path(relative), content);
    }

    /// <summary>sov exec in full-auto (commands sandboxed) against the proxy.</summary>
    public Task<SovResult> ExecAsync(params string[] extra) =>
        SovRun.RunAsync(
            ["exec", "--endpoint", Proxy.BaseUrl.ToString(), "--model", "tiny-qwen2", "--mode", "full-auto", .. extra],
            sovHome: SovHome,
            workingDirectory: Workspace.FullName,
            timeout: TimeSpan.FromSeconds(180),
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Everything that went by, for failure messages.</summary>
    public string Describe(SovResult result) =>
        $"exit {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}\nexchanges:\n" +
        string.Join("\n", Proxy.Exchanges.Select(e => $"{e.Method} {e.Path} -> {e.Status}: {Clip(e.ResponseBody)}")) +
        $"\nserver log (tail):\n{Clip(Server.Log, 3000)}";

    private static string Clip(string text, int most = 600) => text.Length <= most ? text : "…" + text[^most..];

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Server.DisposeAsync();
        Workspace.Delete(recursive: true);
        Directory.Delete(SovHome, recursive: true);
    }
}
