using System.Text;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.BuiltIn;

/// <summary><c>list_dir {path}</c>: the entries of one folder, folders first with a trailing '/', capped.</summary>
public sealed class ListDirTool : ITool
{
    public const int MaxEntries = 500;

    public string Name => "list_dir";

    public string Description => "List a folder's entries; folders end with '/'.";

    public ToolSchema Schema { get; } = new(new ToolParameter("path", ToolParameterType.String, "", Required: true));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => new ReadPath(arguments?.GetString("path") ?? ".");

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var path = arguments.GetString("path") ?? ".";
        var full = context.Workspace.Resolve(path);
        var kind = context.Workspace.Files.Kind(full);
        if (kind != Files.FileKind.Folder)
        {
            return Task.FromResult(ToolOutput.Error(kind != Files.FileKind.None ? $"{path} is a file; use read_file." : $"No such folder: {path}"));
        }

        var folder = context.Workspace.Relative(full);
        IReadOnlyList<Files.FolderEntry> all;
        try
        {
            all = context.Workspace.Files.List(full); // names that are not UTF-8 come escaped (FileNames), openable as shown
        }
        catch (IOException e)
        {
            return Task.FromResult(ToolOutput.Error($"{path} cannot be listed: {e.Message}"));
        }

        var shown = all.Where(e => context.MayReadInWalk(folder is "." ? e.Name : folder + "/" + e.Name)).ToList();
        var withheld = all.Count - shown.Count;
        var entries = shown
            .Select(e => e.IsFolder ? e.Name + "/" : e.Name)
            .OrderBy(n => n.EndsWith('/') ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
        {
            return Task.FromResult(ToolOutput.Ok(withheld > 0 ? Withheld.Note(withheld, "entry") : "(empty folder)"));
        }

        var sb = new StringBuilder();
        foreach (var entry in entries.Take(MaxEntries))
        {
            sb.Append(entry).Append('\n');
        }

        if (entries.Count > MaxEntries)
        {
            sb.Append("[").Append(entries.Count - MaxEntries).Append(" more entries not shown]\n");
        }

        if (withheld > 0)
        {
            sb.Append(Withheld.Note(withheld, "entry")).Append('\n');
        }

        return Task.FromResult(ToolOutput.Ok(sb.ToString()));
    }
}
