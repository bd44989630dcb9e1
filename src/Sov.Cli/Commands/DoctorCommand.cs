using Sov.Borders.FileSystem;
using System.CommandLine;
using Sov.Borders.Sandbox;
using Sov.Core;
using Sov.Core.Files;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov doctor</c>: checks what Sovereign depends on here and says what to fix. Today: the sandbox
/// (bubblewrap actually run under the real profile in the current folder) and where files live.
/// Exit 0 when everything works, 3 when something in the environment needs fixing.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check the endpoint, sandbox and configuration");
        command.SetAction(async (_, cancellationToken) =>
        {
            var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
            var settings = SandboxFactory.Settings(workspace.Root, context.Paths);
            var sandbox = await SandboxProbe.CheckAsync(settings, cancellationToken).ConfigureAwait(false);
            var ok = true;
            if (sandbox.Available)
            {
                await context.Out.WriteLineAsync($"sandbox    ok: {sandbox.Detail}").ConfigureAwait(false);
            }
            else
            {
                ok = false;
                await context.Out.WriteLineAsync($"sandbox    UNAVAILABLE: {sandbox.Detail}").ConfigureAwait(false);
                await context.Out.WriteLineAsync($"           {sandbox.Remedy}").ConfigureAwait(false);
                await context.Out.WriteLineAsync("           Without it full-auto is refused and every shell command asks, marked UNSANDBOXED.").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"workspace  {workspace.Root}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"config     {context.Paths.ConfigFile}{(File.Exists(context.Paths.ConfigFile) ? "" : " (not created yet)")}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"state      {context.Paths.StateDir}").ConfigureAwait(false);
            return ok ? ExitCodes.Ok : ExitCodes.Environment;
        });
        return command;
    }
}
