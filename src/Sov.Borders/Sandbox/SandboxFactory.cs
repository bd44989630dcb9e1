using Sov.Borders.Environment;
using Sov.Borders.Processes;
using Sov.Core.Processes;

namespace Sov.Borders.Sandbox;

/// <summary>Builds the process border for a session: settings from the allow-listed environment, bubblewrap located on PATH.</summary>
public static class SandboxFactory
{
    public static SandboxSettings Settings(string workspaceRoot, IEnumerable<string>? configuredVariables = null)
    {
        var environment = SandboxEnvironment.From(configuredVariables);
        var home = new AllowedEnvironment().Get("HOME");
        var bwrap = SandboxProbe.Locate(environment) ?? SandboxSettings.DefaultBubblewrap;
        return new SandboxSettings(workspaceRoot, home, environment, bwrap);
    }

    /// <summary>The sandboxed shell when bubblewrap works here, otherwise the unsandboxed one (every command then asks, marked UNSANDBOXED).</summary>
    public static async Task<(IShellRunner Shell, SandboxStatus Status)> CreateAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        var status = await SandboxProbe.CheckAsync(settings, cancellationToken).ConfigureAwait(false);
        IShellRunner shell = status.Available
            ? new BubblewrapShell(settings, new ProcessRunner())
            : new UnsandboxedShell(settings, new ProcessRunner());
        return (shell, status);
    }
}
