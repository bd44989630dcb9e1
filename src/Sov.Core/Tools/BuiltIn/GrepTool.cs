using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sov.Core.Files;
using Sov.Core.Tools.Search;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.BuiltIn;

/// <summary><c>grep {pattern, path?, glob?}</c>: regex search in text files, .gitignore-aware, output capped.</summary>
public sealed class GrepTool : ITool
{
    public const int MaxMatches = 200;
    public const int MaxLineLength = 300;
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public string Name => "grep";

    public string Description => "Search file contents with a regular expression; prints path:line:text.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("pattern", ToolParameterType.String, "regex", Required: true),
        new ToolParameter("path", ToolParameterType.String, "file or folder (default: workspace)"),
        new ToolParameter("glob", ToolParameterType.String, "only files matching, e.g. *.cs"));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => new ReadPath(arguments?.GetString("path") ?? ".");

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        Regex regex;
        try
        {
            regex = new Regex(arguments.RequireString("pattern"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            return ToolOutput.Error($"Invalid regular expression: {e.Message}");
        }

        var start = context.Workspace.Resolve(arguments.GetString("path") ?? ".");
        var filter = arguments.GetString("glob") is { } g ? GlobPattern.FromModel(g) : null;
        IEnumerable<string> files;
        var kind = context.Workspace.Files.Kind(start);
        if (kind is FileKind.File or FileKind.Other)
        {
            files = [context.Workspace.Relative(start)];
        }
        else if (kind == FileKind.Folder)
        {
            files = FileWalker.Files(context.Workspace.Files, context.Workspace.Root, context.Workspace.Relative(start), cancellationToken);
        }
        else
        {
            return ToolOutput.Error($"No such file or folder: {arguments.GetString("path")}");
        }

        var sb = new StringBuilder();
        var matches = 0;
        var withheld = 0;
        foreach (var file in files)
        {
            if (filter is not null && !filter.IsMatch(file))
            {
                continue;
            }

            if (!context.MayReadInWalk(file))
            {
                withheld++;
                continue;
            }

            using var stream = TextFile.OpenText(context.Workspace, file, MaxFileBytes);
            if (stream is null)
            {
                continue; // binary, too big, not a regular file, or gone: one file never ends the search
            }

            var number = 0;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                bool hit;
                try
                {
                    hit = regex.IsMatch(line);
                }
                catch (RegexMatchTimeoutException)
                {
                    return ToolOutput.Error("The regular expression took too long; simplify it.");
                }

                if (!hit)
                {
                    continue;
                }

                if (++matches > MaxMatches)
                {
                    sb.Append("[more matches not shown; narrow the pattern or path]\n");
                    return ToolOutput.Ok(sb.ToString());
                }

                var shown = line.Length > MaxLineLength ? line[..MaxLineLength] + "..." : line;
                sb.Append(file).Append(':').Append(number.ToString(CultureInfo.InvariantCulture)).Append(':').Append(shown).Append('\n');
            }
        }

        if (withheld > 0)
        {
            sb.Append(Withheld.Note(withheld, "file")).Append('\n');
        }

        return ToolOutput.Ok(matches == 0 && withheld == 0 ? "(no matches)" : matches == 0 ? "(no matches)\n" + sb : sb.ToString());
    }
}
