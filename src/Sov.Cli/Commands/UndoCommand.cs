using System.CommandLine;
using Sov.Cli.Terminal;
using Sov.Core;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov undo</c>: restores the files the last turn in this workspace changed (by tools, and by shell
/// commands where their content was captured) and says what it restored. Run again to go further back.
/// A turn whose process was killed mid-turn is recovered first, so it is the one undone (#13.7).
/// </summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("undo", "Undo the file changes of the last turn");
        command.SetAction(async (_, _) =>
        {
            var workspace = new Workspace(Directory.GetCurrentDirectory());
            var store = new CheckpointStore(context.Paths.StateDir, workspace);
            foreach (var turn in store.RecoverInterrupted())
            {
                await context.Out.WriteLineAsync($"Found a turn that was interrupted before it finished (Sovereign was stopped); it changed {turn.Paths.Count} file(s).").ConfigureAwait(false);
            }

            var interrupted = store.Latest()?.Interrupted == true;
            var report = Undo.Last(store, Sov.Borders.Processes.ProcessUmask.Current());
            if (report is null)
            {
                await context.Out.WriteLineAsync($"Nothing to undo in {workspace.Root}.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var path in report.Restored)
            {
                await context.Out.WriteLineAsync($"restored  {TerminalSafe.Line(path)}").ConfigureAwait(false);
            }

            foreach (var path in report.Removed)
            {
                await context.Out.WriteLineAsync($"removed   {TerminalSafe.Line(path)} (the turn created it)").ConfigureAwait(false);
            }

            foreach (var line in report.Skipped)
            {
                await context.Out.WriteLineAsync($"left      {TerminalSafe.Line(line)}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(
                $"Undid the last turn{(interrupted ? " (interrupted)" : "")}: {report.Restored.Count} restored, {report.Removed.Count} removed, {report.Skipped.Count} left alone.").ConfigureAwait(false);
            return report.Skipped.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
