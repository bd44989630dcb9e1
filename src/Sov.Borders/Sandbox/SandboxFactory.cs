using Sov.Borders.Environment;
using Sov.Borders.Processes;
using Sov.Core.Config;
using Sov.Core.Processes;

namespace Sov.Borders.Sandbox;

/// <summary>Builds the process border for a session: settings from the allow-listed environment, bubblewrap located on PATH.</summary>
public static class SandboxFactory
{
    /// <param name="paths">Sovereign's own folders, masked inside the sandbox.</param>
    public static SandboxSettings Settings(string workspaceRoot, SovPaths paths, IEnumerable<string>? configuredVariables = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var environment = SandboxEnvironment.From(configuredVariables);
        var home = new AllowedEnvironment().Get("HOME");
        var bwrap = SandboxProbe.Locate(environment) ?? SandboxSettings.DefaultBubblewrap;
        return new SandboxSettings(workspaceRoot, home, environment, bwrap)
        {
            PrivateFolders = new[] { paths.ConfigDir, paths.StateDir, paths.CacheDir }.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// The sandboxed shell when bubblewrap is installed, otherwise the unsandboxed one (every command then
    /// asks, marked UNSANDBOXED). Starting a session does not run anything: if bubblewrap is installed but
    /// fails, commands fail (closed); <c>sov doctor</c> runs the real probe and says why.
    /// </summary>
    public static Task<(IShellRunner Shell, SandboxStatus Status)> CreateAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var status = File.Exists(settings.BubblewrapPath)
            ? new SandboxStatus(true, $"bubblewrap at {settings.BubblewrapPath}", "")
            : new SandboxStatus(false, $"bubblewrap not found ({settings.BubblewrapPath})", SandboxProbe.InstallHint);
        IShellRunner shell = status.Available
            ? new BubblewrapShell(settings, new ProcessRunner())
            : new UnsandboxedShell(settings, new ProcessRunner());
        return Task.FromResult((shell, status));
    }
}
