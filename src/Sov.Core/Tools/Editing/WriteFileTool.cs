using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Editing;

/// <summary><c>write_file {path, content}</c>: creates or replaces a whole file, atomically, keeping an existing file's format.</summary>
public sealed class WriteFileTool(BorderServices services) : ITool, IPreviewsChange
{
    public string Name => "write_file";

    public string Description => "Create a file or replace its whole content. Prefer edit_file for changes to an existing file.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("path", ToolParameterType.String, "relative to the workspace", Required: true),
        new ToolParameter("content", ToolParameterType.String, "the complete new content", Required: true));

    public bool IsReadOnly => false;

    public ToolEffect EffectOf(ToolArguments arguments) => new WritePath(arguments?.GetString("path") ?? "", Creates: true);

    public string? After(ToolArguments arguments, string? before) => arguments?.GetString("content");

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var content = arguments.RequireString("content");
        var change = await services.Editor.PrepareWriteAsync(arguments.RequireString("path"), content, cancellationToken).ConfigureAwait(false);
        if (await HiddenTextCheck.RefusalAsync(context, change.Path.Display, content, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return ToolOutput.Error(refusal);
        }

        await services.Editor.ApplyAsync(change, services.Undo.Turn, Name, cancellationToken).ConfigureAwait(false);
        services.Record?.Invoke(FileWrites.Record(change));
        context?.ReportFileChanged(change.Path.Display, change.Created ? "created" : "modified");
        var lines = change.After.Length == 0 ? 0 : change.After.Count(c => c == '\n') + (change.After.EndsWith('\n') ? 0 : 1);
        return ToolOutput.Ok($"{(change.Created ? "Created" : "Overwrote")} {change.Path.Display} ({lines} line{(lines == 1 ? "" : "s")}).{(change.Note is null ? "" : " " + change.Note + ".")}");
    }
}
