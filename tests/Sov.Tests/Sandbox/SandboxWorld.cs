using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Processes;

namespace Sov.Tests.Sandbox;

/// <summary>
/// A real workspace, a fake home with secrets, a folder outside the workspace (not under /tmp, so the
/// private /tmp cannot hide a write) and a sibling whose name shares the workspace's prefix.
/// </summary>
internal sealed class SandboxWorld : IDisposable
{
    public SandboxWorld()
    {
        Base = Directory.CreateTempSubdirectory("sov-sbx-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(Base, "proj")).FullName;
        Sibling = Directory.CreateDirectory(Path.Combine(Base, "proj-evil")).FullName;
        Home = Directory.CreateDirectory(Path.Combine(Base, "home")).FullName;
        Outside = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "sbx-outside", Guid.NewGuid().ToString("n"))).FullName;
        Directory.CreateDirectory(Path.Combine(Home, ".ssh"));
        File.WriteAllText(Path.Combine(Home, ".ssh", "id_ed25519"), "PRIVATE KEY CANARY");
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
        File.WriteAllText(Path.Combine(Home, ".aws", "credentials"), "AWS CANARY");
        File.WriteAllText(Path.Combine(Home, ".netrc"), "machine x password NETRC CANARY");
        Settings = new SandboxSettings(Workspace, Home, new Dictionary<string, string>
        {
            ["PATH"] = SandboxEnvironment.FallbackPath,
            ["HOME"] = Home,
            ["LANG"] = "C.UTF-8",
        });
        Shell = new BubblewrapShell(Settings, new ProcessRunner());
    }

    public string Base { get; }
    public string Workspace { get; }
    public string Sibling { get; }
    public string Home { get; }
    public string Outside { get; }
    public SandboxSettings Settings { get; }
    public BubblewrapShell Shell { get; }

    public Task<ShellResult> RunAsync(string command, double seconds = 30) =>
        Shell.RunAsync(new ShellRequest(command, Workspace, TimeSpan.FromSeconds(seconds)), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Directory.Delete(Base, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }
}
