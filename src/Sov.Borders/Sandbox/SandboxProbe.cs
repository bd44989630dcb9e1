using Sov.Borders.Processes;

namespace Sov.Borders.Sandbox;

/// <summary>
/// Finds bubblewrap and runs <c>true</c> under the real profile once, so <c>sov doctor</c> and the
/// full-auto check report what actually happens, not what should.
/// </summary>
public static class SandboxProbe
{
    public const string InstallHint = "Install bubblewrap: sudo apt-get install bubblewrap (Debian/Ubuntu) or sudo dnf install bubblewrap (Fedora).";

    /// <summary>The bubblewrap binary on PATH (or the usual place), or null.</summary>
    public static string? Locate(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = environment.TryGetValue("PATH", out var p) ? p : SandboxEnvironment.FallbackPath;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "bwrap"))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<SandboxStatus> CheckAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(settings.BubblewrapPath))
        {
            return new SandboxStatus(false, $"bubblewrap not found ({settings.BubblewrapPath})", InstallHint);
        }

        var shell = new BubblewrapShell(settings, new ProcessRunner());
        try
        {
            var result = await shell.RunAsync(
                new Core.Processes.ShellRequest("true", settings.Workspace, TimeSpan.FromSeconds(20)), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return new SandboxStatus(true, $"bubblewrap works ({settings.BubblewrapPath}): read-only root, writable workspace, no network", "");
            }

            var why = result.Output.Trim().Split('\n').FirstOrDefault() ?? "";
            var remedy = why.Contains("uid map", StringComparison.OrdinalIgnoreCase) || why.Contains("namespace", StringComparison.OrdinalIgnoreCase)
                ? "Allow unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1 (or kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04)."
                : "Run 'bwrap --ro-bind / / true' to see why bubblewrap fails here.";
            return new SandboxStatus(false, $"bubblewrap fails: {why}", remedy);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new SandboxStatus(false, $"bubblewrap cannot start: {e.Message}", InstallHint);
        }
    }
}
