using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// <c>edit_file {path, old_string, new_string, replace_all?}</c>: replaces text in a file. The exact match
/// must be unique unless replace_all; a whitespace-tolerant match is used only when unambiguous, and said.
/// </summary>
public sealed class EditFileTool(BorderServices services) : ITool, IPreviewsChange
{
    public string Name => "edit_file";

    public string Description => "Replace old_string with new_string in a file. old_string must match exactly one place (copy it from read_file without line numbers) unless replace_all is true.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("path", ToolParameterType.String, "relative to the workspace", Required: true),
        new ToolParameter("old_string", ToolParameterType.String, "exact text to replace", Required: true),
        new ToolParameter("new_string", ToolParameterType.String, "replacement text", Required: true),
        new ToolParameter("replace_all", ToolParameterType.Boolean, "replace every occurrence"));

    public bool IsReadOnly => false;

    public ToolEffect EffectOf(ToolArguments arguments) => new WritePath(arguments?.GetString("path") ?? "", Creates: false);

    /// <summary>The exact-match replacement only (the whitespace-tolerant one is decided when the call runs); null when it does not match.</summary>
    public string? After(ToolArguments arguments, string? before)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var oldText = arguments.GetString("old_string") ?? "";
        var newText = arguments.GetString("new_string") ?? "";
        var at = before is null || oldText.Length == 0 ? -1 : before.IndexOf(oldText, StringComparison.Ordinal);
        if (before is null || at < 0)
        {
            return null;
        }

        return arguments.GetBoolean("replace_all") == true
            ? before.Replace(oldText, newText, StringComparison.Ordinal)
            : before[..at] + newText + before[(at + oldText.Length)..];
    }

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var newString = arguments.RequireString("new_string");
        var change = await services.Editor.PrepareEditAsync(arguments.RequireString("path"), arguments.RequireString("old_string"),
            newString, arguments.GetBoolean("replace_all") ?? false, cancellationToken).ConfigureAwait(false);
        if (await HiddenTextCheck.RefusalAsync(context, change.Path.Display, newString, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return ToolOutput.Error(refusal);
        }

        await services.Editor.ApplyAsync(change, services.Undo.Turn, Name, cancellationToken).ConfigureAwait(false);
        services.Record?.Invoke(FileWrites.Record(change));
        context?.ReportFileChanged(change.Path.Display, "modified");
        return ToolOutput.Ok(change.Note is null ? $"{char.ToUpperInvariant(change.Message[0])}{change.Message[1..]}." : $"{change.Message}. {change.Note}");
    }
}
