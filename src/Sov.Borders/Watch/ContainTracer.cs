using Sov.Borders.Sandbox;
using Sov.Core;
using Sov.Core.Watch;

namespace Sov.Borders.Watch;

/// <summary>
/// Contain mode: the traced command runs under bubblewrap in a network namespace of its own (the shell
/// sandbox's mounts: read-only root, writable workspace, home secrets and Sovereign's folders masked, private
/// /tmp and /run), where the only way out is <see cref="InsideRelay"/> listening on each allowed endpoint and
/// carrying it to <see cref="ContainRelay"/> outside over a unix socket. The namespace's <c>/etc/hosts</c> names
/// only the allowed hosts; there is no route, so every other lookup or connection fails at once. strace runs
/// inside too (no seccomp filter here: it needs ptrace), so the report sees every attempt.
/// </summary>
public static class ContainTracer
{
    public static async Task<TracedRun> RunAsync(
        IReadOnlyList<string> command, string workingDirectory, IReadOnlyList<string> privateFolders, string? home,
        ContainPlan plan, IRelayObserver observer, Stream echo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bwrap = SandboxProbe.Locate(new Dictionary<string, string> { ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin" })
            ?? throw new SovException("bubblewrap is not installed: contain mode needs it.", SandboxProbe.InstallHint, ExitCodes.Environment);
        ContainRelay? relay = null;
        try
        {
            return await StraceTracer.RunAsync(command, workingDirectory, echo, cancellationToken, (folder, traced) =>
            {
                File.WriteAllText(Path.Combine(folder, "hosts"), plan.HostsFile);
                relay = ContainRelay.Start(plan.Endpoints, folder, observer);
                var settings = new SandboxSettings(workingDirectory, home, new Dictionary<string, string>(), bwrap) { PrivateFolders = privateFolders };
                var (argv, _) = SandboxMounts.For(settings, masks: null, placeholdAbsent: false);
                // strace runs inside too and writes its trace into this folder, so the folder is bound in whole (and is
                // within the watched command's reach: see docs/watch.md, "Limits").
                argv.AddRange(["--bind", folder, folder, "--ro-bind", Path.Combine(folder, "hosts"), "/etc/hosts"]);

                var self = Self();
                foreach (var dir in self.Where(p => p.StartsWith('/')).Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal))
                {
                    argv.AddRange(["--ro-bind", dir!, dir!]); // the relay is this binary: visible even when it lives under /tmp
                }

                // --new-session: no controlling terminal inside, so the command cannot push keystrokes into the person's shell
                // (TIOCSTI), which would run them outside the namespace once the watch ends.
                argv.AddRange(["--new-session", "--unshare-net", "--unshare-user", "--unshare-ipc", "--unshare-pid", "--die-with-parent", "--chdir", workingDirectory, "--", .. self, "watch"]);
                foreach (var endpoint in plan.Endpoints)
                {
                    var inside = endpoint.InsideAddress.Contains(':', StringComparison.Ordinal) ? $"[{endpoint.InsideAddress}]" : endpoint.InsideAddress;
                    argv.AddRange(["--relay-inside", $"{inside}:{endpoint.Port}={ContainRelay.SocketPath(folder, endpoint.Index)}"]);
                }

                argv.Add("--");
                argv.AddRange(traced);
                return argv;
            }).ConfigureAwait(false);
        }
        finally
        {
            if (relay is not null)
            {
                await relay.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>How to start this same program: the native binary, or <c>dotnet sov.dll</c> when run from a build.</summary>
    private static List<string> Self()
    {
        var process = System.Environment.ProcessPath ?? throw new SovException("cannot tell where sov itself is.", "Run sov from its installed path.", ExitCodes.Environment);
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "sov.dll")]
            : [process];
    }
}
