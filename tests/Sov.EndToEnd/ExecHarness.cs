using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>Runs the published sov binary's <c>exec</c> against a scripted server in a temporary workspace.</summary>
internal sealed class ExecHarness : IAsyncDisposable
{
    private ExecHarness(ScriptedModelServer server, DirectoryInfo workspace)
    {
        Server = server;
        Workspace = workspace;
    }

    public ScriptedModelServer Server { get; }

    public DirectoryInfo Workspace { get; }

    public static async Task<ExecHarness> StartAsync() =>
        new(await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken), Directory.CreateTempSubdirectory("sov-exec-ws-"));

    public void WriteFile(string relative, string content)
    {
        var path = Path.Combine(Workspace.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public Task<SovResult> ExecAsync(IEnumerable<string> extra, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, string? sovHome = null, string? binary = null) =>
        SovRun.RunAsync(
            ["exec", "--endpoint", Server.BaseUrl.ToString(), "--model", "scripted-model", .. extra],
            sovHome: sovHome,
            workingDirectory: Workspace.FullName,
            stdin: stdin,
            environment: environment,
            timeout: TimeSpan.FromSeconds(60),
            binary: binary,
            cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Workspace.Delete(recursive: true);
    }
}
