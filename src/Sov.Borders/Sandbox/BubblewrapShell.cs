using Sov.Borders.Processes;
using Sov.Core.Processes;

namespace Sov.Borders.Sandbox;

/// <summary>The shell tool's process border: every command runs under bubblewrap (<see cref="SandboxProfile"/>).</summary>
public sealed class BubblewrapShell(SandboxSettings settings, ProcessRunner runner) : IShellRunner
{
    public bool Sandboxed => true;

    public async Task<ShellResult> RunAsync(ShellRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = SandboxProfile.Build(settings, request.WorkingDirectory, request.Command, request.Masks, request.Protected);
        var timeout = request.Timeout > ShellRequest.MaxTimeout ? ShellRequest.MaxTimeout : request.Timeout;
        try
        {
            var result = await runner.RunBoundedAsync(profile.Argv, request.WorkingDirectory, settings.Environment, timeout,
                new BoundedOutput(settings.HeadBytes, settings.TailBytes), cancellationToken).ConfigureAwait(false);
            return new ShellResult(result.ExitCode, result.Output, result.DroppedBytes, result.TimedOut, result.Duration, Sandboxed: true);
        }
        finally
        {
            RemovePlaceholders(profile.Placeholders);
        }
    }

    /// <summary>Removes the empty mount points bubblewrap created on the host for absent protected paths.</summary>
    internal static void RemovePlaceholders(IReadOnlyList<string> placeholders)
    {
        foreach (var path in placeholders)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.LinkTarget is null && info.Length == 0)
                {
                    info.Delete();
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
