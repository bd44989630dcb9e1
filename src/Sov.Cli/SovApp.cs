using System.CommandLine;
using Sov.Cli.Commands;
using Sov.Cli.Terminal;
using Sov.Core;

namespace Sov.Cli;

/// <summary>
/// The front door: parses the command line, runs one command, maps every ending to an exit code. Error
/// messages may quote model, file or server text, so each goes through <see cref="TerminalSafe"/> (issue #11).
/// </summary>
public static class SovApp
{
    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Show stack traces and internal detail on errors",
        Recursive = true,
    };

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Sovereign: a terminal coding agent for self-hosted models. Nothing leaves except to hosts you name.");
        root.Options.Add(Debug);
        root.Subcommands.Add(ExecCommand.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(PromptCommand.Create(context));
        root.Subcommands.Add(PrivacyCommand.Create(context));
        root.Subcommands.Add(DoctorCommand.Create(context));
        root.Subcommands.Add(UndoCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(PolicyCommand.Create(context));
        root.Subcommands.Add(AcpCommand.Create(context));
        root.Subcommands.Add(VersionCommand.Create(context));
        root.Subcommands.Add(CompletionsCommand.Create(context));
        VersionCommand.ConfigureRootOption(root, context);
        InteractiveCommand.Configure(root, context);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildRoot(context);
        var parsed = root.Parse(ExecCommand.RewriteRootAlias(args, root.Subcommands.Select(c => c.Name)));
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync($"sov: {TerminalSafe.Text(error.Message)}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var debug = parsed.GetValue(Debug);
        await TightenStateAsync(context).ConfigureAwait(false);
        try
        {
            _ = context.Policy; // fail closed (#20): a managed policy that cannot be trusted stops every command, exit 3
            var config = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
            if (parsed.CommandResult.Command is RootCommand)
            {
                config.ProcessTerminationTimeout = null; // the interactive session handles Ctrl-C itself: it interrupts a turn
            }
            else if (parsed.CommandResult.Command.Name is "watch" or "export")
            {
                config.ProcessTerminationTimeout = TimeSpan.FromSeconds(30); // time to stop the command and still write its report (export --follow: its last flush, #20)
            }

            return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("sov: interrupted.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (SovException e)
        {
            await context.Error.WriteLineAsync($"sov: {TerminalSafe.Text(e.Message)}").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"  {TerminalSafe.Text(e.Remedy)}").ConfigureAwait(false);
            if (debug)
            {
                await context.Error.WriteLineAsync(TerminalSafe.Text(e.ToString())).ConfigureAwait(false);
            }

            return e.ExitCode;
        }
        catch (IOException e) when (Core.Audit.StateWriteException.IsDiskFull(e))
        {
            // A full disk is the environment's, not a bug (#13.1): one line, what to do, exit 3.
            await context.Error.WriteLineAsync($"sov: disk full: {TerminalSafe.Text(Core.PlainErrors.Describe(e))}").ConfigureAwait(false);
            await context.Error.WriteLineAsync("  Free space (under SOV_HOME or where the message says), then `sov --continue`.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
#pragma warning disable CA1031 // The front door is where every unexpected failure becomes one line and an exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync($"sov: internal error: {e.GetType().Name}: {TerminalSafe.Text(PlainErrors.Describe(e))}").ConfigureAwait(false);
            await context.Error.WriteLineAsync(debug ? TerminalSafe.Text(e.ToString()) : "  Run again with --debug for detail, and please report it.")
                .ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>"sov exec", "sov audit verify": the command whose help answers a usage error.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command is RootCommand ? "sov" : r.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Sovereign's folders found open to other users are closed (#12.6): three stats when all is well.</summary>
    private static async Task TightenStateAsync(CliContext context)
    {
        try
        {
            var p = context.Paths;
            var changed = Core.Files.PrivateFiles.Tighten(new Sov.Borders.FileSystem.NativeFileSystem(), [p.ConfigDir, p.StateDir, p.CacheDir]);
            if (changed > 0)
            {
                await context.Error.WriteLineAsync(
                    $"sov: {changed} of Sovereign's files and folders were readable by other users; they are now yours alone (0600/0700).").ConfigureAwait(false);
            }
        }
        catch (Core.SovException)
        {
            // No usable home folder: the command itself says so.
        }
    }
}
