using System.Text;
using Sov.Core.Tools.Search;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.BuiltIn;

/// <summary><c>glob {pattern, path?}</c>: files matching a glob, .gitignore-aware, relative to the workspace, capped.</summary>
public sealed class GlobTool : ITool
{
    public const int MaxResults = 300;

    public string Name => "glob";

    public string Description => "Find files by glob pattern such as **/*.cs (skips .gitignore'd files).";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("pattern", ToolParameterType.String, "", Required: true),
        new ToolParameter("path", ToolParameterType.String, "folder to search (default: workspace)"));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => new ReadPath(arguments?.GetString("path") ?? ".");

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var pattern = arguments.RequireString("pattern");
        var start = context.Workspace.Resolve(arguments.GetString("path") ?? ".");
        if (context.Workspace.Files.Kind(start) != Files.FileKind.Folder)
        {
            return Task.FromResult(ToolOutput.Error($"No such folder: {arguments.GetString("path")}"));
        }

        var startRelative = context.Workspace.Relative(start);
        var glob = GlobPattern.FromModel(pattern);
        var sb = new StringBuilder();
        var count = 0;
        var withheld = 0;
        foreach (var file in FileWalker.Files(context.Workspace.Files, context.Workspace.Root, startRelative, cancellationToken))
        {
            var local = startRelative == "." ? file : file[(startRelative.Length + 1)..];
            if (!glob.IsMatch(local))
            {
                continue;
            }

            if (!context.MayReadInWalk(file))
            {
                withheld++;
                continue;
            }

            if (++count > MaxResults)
            {
                sb.Append("[more matches not shown; narrow the pattern]\n");
                break;
            }

            sb.Append(file).Append('\n');
        }

        if (withheld > 0)
        {
            sb.Append(Withheld.Note(withheld, "file")).Append('\n');
        }

        return Task.FromResult(ToolOutput.Ok(count == 0 && withheld == 0 ? "(no files match)" : count == 0 ? "(no files match)\n" + sb : sb.ToString()));
    }
}
