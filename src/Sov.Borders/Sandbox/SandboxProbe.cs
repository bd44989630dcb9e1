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

    /// <summary>Run inside the sandbox by <see cref="CheckAsync"/>: the capability sets and the seccomp mode the command holds.</summary>
    internal const string InsideCheck = "grep -E '^(CapEff|CapPrm|CapBnd|CapAmb|Seccomp|NoNewPrivs):' /proc/self/status";

    /// <summary>Capabilities must all be gone and the filter in force (Seccomp: 2), as root too.</summary>
    internal static SandboxStatus Judge(SandboxSettings settings, string status)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(status);
        var fields = status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var caps = new[] { "CapEff", "CapPrm", "CapBnd", "CapAmb" }
            .Where(k => !fields.TryGetValue(k, out var v) || v.Trim('0').Length > 0).ToList();
        if (caps.Count > 0)
        {
            return new SandboxStatus(false, $"commands keep capabilities ({string.Join(", ", caps.Select(k => $"{k} {fields.GetValueOrDefault(k, "?")}"))})",
                "Use bubblewrap 0.4 or newer with user namespaces allowed (--unshare-user, --cap-drop ALL).");
        }

        if (fields.GetValueOrDefault("Seccomp") != "2")
        {
            return new SandboxStatus(false, $"the seccomp filter is not active (Seccomp: {fields.GetValueOrDefault("Seccomp", "?")})",
                "Sovereign has a filter for x86-64 and arm64 and needs a writable /dev/shm or /tmp to hand it to bubblewrap.");
        }

        return new SandboxStatus(true,
            $"bubblewrap works ({settings.BubblewrapPath}): read-only root, writable workspace, no network; capabilities none; seccomp filter active", "");
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
            // Read from inside: what the command really holds, not what the profile asks for.
            var result = await shell.RunAsync(
                new Core.Processes.ShellRequest(InsideCheck, settings.Workspace, TimeSpan.FromSeconds(20)), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return Judge(settings, result.Output);
            }

            var why = result.Output.Trim().Split('\n').FirstOrDefault() ?? "";
            var remedy = why.Contains("uid map", StringComparison.OrdinalIgnoreCase) || why.Contains("namespace", StringComparison.OrdinalIgnoreCase)
                ? "Allow unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1 (or kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04)."
                : "Run 'bwrap --ro-bind / / --unshare-user --cap-drop ALL true' to see why bubblewrap fails here.";
            return new SandboxStatus(false, $"bubblewrap fails: {why}", remedy);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new SandboxStatus(false, $"bubblewrap cannot start: {Sov.Core.PlainErrors.Describe(e)}", InstallHint);
        }
    }
}
