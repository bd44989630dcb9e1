using System.ComponentModel;
using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Hooks;

namespace Sov.Borders.Hooks;

/// <summary>
/// The process side of hooks (#17): a hook's command runs through the one process door (<see cref="ProcessRunner"/>)
/// as bash without profile or rc files, under the same bubblewrap profile as the shell tool's commands
/// (<see cref="SandboxProfile"/>: no network, read-only root, the workspace writable, secrets masked) unless the
/// person's config says <c>sandbox = false</c> for it; with the sandbox's reduced environment plus
/// <c>SOV_PROJECT_DIR</c> and <c>CLAUDE_PROJECT_DIR</c> (the workspace). Its input arrives on stdin; at its timeout
/// its whole process group is killed. A sandboxed hook is not run when bubblewrap is missing (never unsandboxed
/// without the person saying so).
/// </summary>
public sealed class HookProcess(SandboxSettings settings, bool sandboxAvailable, ProcessRunner runner) : IHookProcess
{
    /// <summary>The most bytes of stdout, and of stderr, kept of one run.</summary>
    public const int MaxOutputBytes = 64 * 1024;

    public async Task<HookProcessResult> RunAsync(HookDefinition hook, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (hook.Sandbox && !sandboxAvailable)
        {
            return HookProcessResult.NotRun("it runs in the sandbox and bubblewrap is unavailable (install it, or set sandbox = false for this hook)", sandboxed: true);
        }

        var profile = hook.Sandbox ? SandboxProfile.Build(settings, settings.Workspace, hook.Command) : null;
        IReadOnlyList<string> argv = profile?.Argv ?? ["/bin/bash", "--noprofile", "--norc", "-c", hook.Command];
        var environment = new Dictionary<string, string>(settings.Environment, StringComparer.Ordinal)
        {
            ["SOV_PROJECT_DIR"] = settings.Workspace,
            ["CLAUDE_PROJECT_DIR"] = settings.Workspace,
        };
        try
        {
            var result = await runner.RunPipedAsync(argv, settings.Workspace, environment, input, hook.Timeout, MaxOutputBytes, cancellationToken)
                .ConfigureAwait(false);
            return new HookProcessResult(result.ExitCode, result.Stdout, result.Stderr, result.TimedOut, result.Duration, hook.Sandbox);
        }
        catch (Win32Exception e)
        {
            return HookProcessResult.NotRun(e.Message, hook.Sandbox);
        }
        finally
        {
            if (profile is not null)
            {
                BubblewrapShell.RemovePlaceholders(profile.Placeholders);
            }
        }
    }
}
