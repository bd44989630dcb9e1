using Sov.Core.Files;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// One config file as read, once: its parsed tables and the line of every key, so that a warning or an
/// error can say <c>config.toml:7</c>. <see cref="Label"/> is how messages name the file (the user's by its
/// path, the project's as <c>.sov/config.toml</c>).
/// </summary>
public sealed record ConfigDocument(string Path, string Label, TomlTable Table, string Text)
{
    private readonly Lazy<IReadOnlyDictionary<string, int>> _lines = new(() => TomlLines.Of(Text));

    /// <summary>The line of each dotted key, found only when a message needs one (a second parse, for the syntax tree).</summary>
    public IReadOnlyDictionary<string, int> Lines => _lines.Value;

    /// <summary>The most a config file may hold; a bigger one is refused, never cut (a cut TOML file means something else).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary><c>LABEL:LINE</c> for a dotted key (the label alone when the key has no line).</summary>
    public string Where(string dottedKey) =>
        Lines.TryGetValue(dottedKey, out var line) ? $"{Label}:{line}" : Label;

    /// <summary>
    /// Reads one of the person's own TOML files (trusted, so symlinks may lead anywhere, but it must be a
    /// regular file within <see cref="MaxBytes"/>); null when the file does not exist.
    /// </summary>
    public static ConfigDocument? ReadOwn(IFileSystem files, string path)
    {
        var file = ProjectFileBorder.ReadOwn(files, path, MaxBytes);
        return file is null ? null
            : file.Status == ProjectFileStatus.Read ? Parse(path, path, file.Text!)
            : throw new ConfigException($"{path} was not read: {file.Reason}.", "Make it a regular file of a sensible size, or move it away.");
    }

    /// <summary>
    /// Reads the project's <c>.sov/config.toml</c> through the file border (a symlink, or a symlinked
    /// <c>.sov</c>, leading out of the workspace, a non-regular file, hard links, a file over the cap: refused
    /// with a warning and treated as absent); null when there is none. No read rules yet: the config is what
    /// sets them. (Pinned attack: issue #12 item 2.)
    /// </summary>
    public static ConfigDocument? ReadProject(Workspace workspace, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(warnings);
        var border = new ProjectFileBorder(workspace, policy: null);
        var path = System.IO.Path.Combine(workspace.Root, ".sov", "config.toml");
        var file = border.Read(path, MaxBytes);
        if (file is { Status: ProjectFileStatus.Read })
        {
            return Parse(path, ".sov/config.toml", file.Text!);
        }

        if (file is not null)
        {
            warnings.Add($"Ignored .sov/config.toml: {file.Note}.");
        }

        return null;
    }

    /// <summary>Parses TOML text; invalid TOML is a <see cref="ConfigException"/> naming the file, line and column.</summary>
    public static ConfigDocument Parse(string path, string label, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var table = TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable) ?? [];
            return new ConfigDocument(path, label, table, text);
        }
        catch (TomlException e)
        {
            throw new ConfigException($"{path} is not valid TOML: {TomlError.Describe(e.Message)}", "Fix the file (see README, 'Configuration'; one key = value per line), or move it away.");
        }
    }
}
