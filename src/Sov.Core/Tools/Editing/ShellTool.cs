using System.Globalization;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Permissions;
using Sov.Core.Processes;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// <c>shell {command, timeout_seconds?}</c>: runs bash in the workspace under the sandbox (default 120 s,
/// at most 600). The result carries the exit code and the head and tail of the output with the dropped
/// byte count; files the command changed in the workspace are listed (and checkpointed for undo).
/// </summary>
public sealed class ShellTool(BorderServices services) : ITool
{
    private const int ListedChanges = 30;

    public string Name => "shell";

    public string Description => "Run a bash command in the workspace (sandboxed: no network, writes only inside the workspace). Returns exit code and output.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("command", ToolParameterType.String, "bash command", Required: true),
        new ToolParameter("timeout_seconds", ToolParameterType.Number, "default 120, max 600"));

    public bool IsReadOnly => false;

    public ToolEffect EffectOf(ToolArguments arguments) => new RunCommand(arguments?.GetString("command") ?? "");

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var command = arguments.RequireString("command");
        var timeout = ShellRequest.TimeoutFrom(arguments.GetNumber("timeout_seconds"));
        IReadOnlyList<string> masks = [];
        if (services.ShellMasks is { } find)
        {
            if (find(cancellationToken) is not { } found)
            {
                return ToolOutput.Error($"The paths read rules hold back cannot all be hidden from a shell command (more than {ReadMasks.Limit}, or the workspace could not be listed); narrow the rules (a folder pattern such as read:secrets is hidden whole).");
            }

            masks = found;
        }

        var before = FileSnapshot.Take(services.Workspace);
        services.Undo.Turn.BeforeShell(before); // stored before the command runs: a kill mid-run stays undoable (#13.7)
        var metadataBefore = ProtectedEntries.Find(services.Workspace.Files, services.Workspace.Root, cancellationToken);
        var result = await services.Shell.RunAsync(
            new ShellRequest(command, services.Workspace.Root, timeout) { Masks = masks, Protected = metadataBefore }, cancellationToken).ConfigureAwait(false);
        services.Record?.Invoke(new Audit.Records.ShellCommandRecord(
            ["bash", "--noprofile", "--norc", "-c", command],
            result.Sandboxed ? "bubblewrap" : "unsandboxed",
            result.TimedOut ? null : result.ExitCode,
            (long)result.Duration.TotalMilliseconds) { Runner = result.Runner });
        var changed = services.Undo.Turn.AfterShell(before);
        foreach (var path in changed)
        {
            var exists = File.Exists(Path.Combine(services.Workspace.Root, path));
            context?.ReportFileChanged(path, !exists ? "deleted" : before.Files.ContainsKey(path) ? "modified" : "created"); // #15.9
        }

        var text = result.ForModel();
        var setAside = CreatedMetadata.SetAside(services.Workspace, metadataBefore, cancellationToken);
        foreach (var (was, now) in setAside)
        {
            context?.ReportFileChanged(was, "deleted");
            if (now.Length > 0)
            {
                context?.ReportFileChanged(now, "created");
            }
        }

        if (setAside.Count > 0)
        {
            // git and editors run what such folders hold; one created by a command does not stay where they look (#11).
            var list = string.Join(", ", setAside.Take(ListedChanges).Select(m => m.Now.Length > 0 ? $"{m.Was} -> {m.Now}" : $"{m.Was} (could not be moved)"));
            text += $"\n[version-control or editor metadata created by the command was set aside: {list}]";
        }

        if (changed.Count > 0)
        {
            var listed = string.Join(", ", changed.Take(ListedChanges));
            var more = changed.Count > ListedChanges ? string.Create(CultureInfo.InvariantCulture, $" and {changed.Count - ListedChanges} more") : "";
            text += $"\n[files changed in the workspace: {listed}{more}]";
        }

        text += HiddenTextIn(changed, context, cancellationToken);
        return result.ExitCode == 0 && !result.TimedOut ? ToolOutput.Ok(text) : ToolOutput.Error(text);
    }

    /// <summary>
    /// The text border on the files the command changed (#21), as on write_file's text: findings shown to the person, journaled
    /// and added to the result (empty when none).
    /// </summary>
    private string HiddenTextIn(IReadOnlyList<string> changed, ToolContext? context, CancellationToken cancellationToken)
    {
        var skipped = new List<(string Path, string Why)>();
        var (findings, notChecked) = ShellTextCheck.Inspect(services.Workspace, changed, skipped, cancellationToken);
        foreach (var record in ShellTextCheck.Records(findings))
        {
            services.Record?.Invoke(record);
        }

        var note = ShellTextCheck.NotChecked(skipped, notChecked) is { Length: > 0 } skippedNote ? $"\n[{skippedNote}]" : "";
        if (ShellTextCheck.Describe(findings) is not { } described)
        {
            return note;
        }

        context?.ReportWarning(described);
        return $"\n[{described}]{note}";
    }
}
