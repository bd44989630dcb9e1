using System.Globalization;
using System.Text;
using Sov.Core.Tools.Search;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.BuiltIn;

/// <summary>
/// <c>read_file {path, offset?, limit?}</c>: numbered lines of a text file, capped; binary files refused; PNG, JPEG, GIF
/// and WebP images (by their first bytes) handed to a model that accepts images (<see cref="ImageRead"/>).
/// </summary>
public sealed class ReadFileTool : ITool
{
    public const int DefaultLineLimit = 2000;
    public const int MaxLineLength = 2000;
    public const int MaxOutputChars = 100_000;

    public string Name => "read_file";

    public string Description => "Read a text file. Lines are numbered from 1; use offset and limit for big files.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("path", ToolParameterType.String, "", Required: true),
        new ToolParameter("offset", ToolParameterType.Integer, "first line (1-based)"),
        new ToolParameter("limit", ToolParameterType.Integer, "number of lines"));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => new ReadPath(arguments?.GetString("path") ?? ".");

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var path = arguments.RequireString("path");
        var full = context.Workspace.Resolve(path);
        switch (context.Workspace.Files.Kind(full))
        {
            case Files.FileKind.Folder:
                return ToolOutput.Error($"{path} is a folder; use list_dir.");
            case Files.FileKind.None:
                return ToolOutput.Error($"No such file: {path}");
        }

        await using var stream = await context.Reads.OpenReadAsync(context.Workspace.Inspect(path), cancellationToken).ConfigureAwait(false);
        if (Files.ImageFormat.Detect(stream) is { } image)
        {
            return await ImageRead.ReadAsync(stream, image, path, context.ImagesAccepted, cancellationToken).ConfigureAwait(false);
        }

        if (TextFile.LooksBinary(stream))
        {
            return ToolOutput.Error($"{path} is a binary file; read_file shows text only.");
        }

        var offset = Math.Max(1, arguments.GetInteger("offset") ?? 1);
        var limit = Math.Clamp(arguments.GetInteger("limit") ?? DefaultLineLimit, 1, DefaultLineLimit);
        var sb = new StringBuilder();
        long number = 0;
        var shown = 0;
        var truncated = false;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (number < offset)
            {
                continue;
            }

            if (shown == limit || sb.Length > MaxOutputChars)
            {
                truncated = true;
                break;
            }

            if (line.Length > MaxLineLength)
            {
                line = line[..MaxLineLength] + " [line truncated]";
            }

            sb.Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(6)).Append('\t').Append(line).Append('\n');
            shown++;
        }

        if (shown == 0)
        {
            return ToolOutput.Ok(number == 0 ? "(empty file)" : $"(the file has {number} lines; offset {offset} is past the end)");
        }

        if (truncated)
        {
            sb.Append("[more lines follow; read again with offset=").Append(number.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return ToolOutput.Ok(sb.ToString());
    }
}
