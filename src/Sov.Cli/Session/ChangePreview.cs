using System.Text.Json;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Session;

/// <summary>
/// What a write call will do, told before it runs, for every front end that shows it (the terminal's diff, the editor's
/// diff content): for a call that says it writes a path and can tell the result beforehand (<see cref="IPreviewsChange"/>),
/// the file as it is now and as it will be. The path goes through the file border first: a path outside the workspace
/// or one the border refuses is never read, nor a FIFO, device or file over <see cref="MaxBytes"/>.
/// </summary>
internal sealed record ChangePreview(string FullPath, string RelativePath, string? Before, string After)
{
    /// <summary>Files larger than this get no preview (the approval still shows the call).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The preview of the call <paramref name="name"/>(<paramref name="arguments"/>), or null when it cannot be told.</summary>
    public static ChangePreview? Of(ToolRegistry tools, Workspace workspace, string name, string arguments)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(workspace);
        if (tools.Find(name) is not { } tool || tool is not IPreviewsChange preview)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(arguments);
            var args = ArgumentCoercer.Coerce(tool.Schema, doc.RootElement);
            if (tool.EffectOf(args) is not WritePath write)
            {
                return null;
            }

            var full = workspace.Resolve(write.Path);
            var kind = workspace.Files.Kind(full);
            if (kind is FileKind.Folder or FileKind.Other || (kind == FileKind.File && new FileInfo(full).Length > MaxBytes))
            {
                return null; // a FIFO, device or huge file is never read for a preview: the tool itself says what it does with it
            }

            var before = kind == FileKind.File ? File.ReadAllText(full) : null;
            return preview.After(args, before) is { } after ? new ChangePreview(full, workspace.Relative(full), before, after) : null;
        }
        catch (Exception e) when (e is JsonException or ToolException or InvalidOperationException or WorkspaceException or IOException or UnauthorizedAccessException)
        {
            return null; // the tool itself reports what is wrong with these arguments
        }
    }
}
