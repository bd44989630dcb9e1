using Sov.Borders.Processes;
using Sov.Core.Processes;

namespace Sov.Borders.Sandbox;

/// <summary>
/// Runs a command without bubblewrap, for when it is missing: the permission policy asks for every such
/// command, marked UNSANDBOXED, and full-auto is refused. Still no profile or rc files and the reduced environment.
/// </summary>
public sealed class UnsandboxedShell(SandboxSettings settings, ProcessRunner runner) : IShellRunner
{
    public bool Sandboxed => false;

    public async Task<ShellResult> RunAsync(ShellRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = request.Timeout > ShellRequest.MaxTimeout ? ShellRequest.MaxTimeout : request.Timeout;
        var result = await runner.RunBoundedAsync(["/bin/bash", "--noprofile", "--norc", "-c", request.Command],
            request.WorkingDirectory, settings.Environment, timeout,
            new BoundedOutput(settings.HeadBytes, settings.TailBytes), cancellationToken).ConfigureAwait(false);
        return new ShellResult(result.ExitCode, result.Output, result.DroppedBytes, result.TimedOut, result.Duration, Sandboxed: false);
    }
}
