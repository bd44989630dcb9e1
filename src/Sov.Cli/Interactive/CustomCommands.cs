using Sov.Borders.FileSystem;
using Sov.Core.Files;

namespace Sov.Cli.Interactive;

/// <summary>
/// Prompt templates the person keeps as Markdown files: the user config's <c>commands/NAME.md</c> and the
/// project's <c>.sov/commands/NAME.md</c> (project wins on a name clash, built-ins always win).
/// <c>$ARGUMENTS</c> in the template is replaced with what follows <c>/NAME</c>. The project's templates are
/// read through the file border (<see cref="ProjectFileBorder"/>), at start, so the banner can say which were
/// refused, and again each time one is used; the person's own are trusted but must be regular files within
/// the cap. A template read only in part is not sent. (Pinned attack: issue #12 item 2, a
/// <c>.sov/commands/NAME.md</c> linked to a file outside, sent as the person's message behind <c>/NAME</c>.)
/// </summary>
public sealed class CustomCommands
{
    private readonly Dictionary<string, (string File, string Origin)> _byName = new(StringComparer.Ordinal);
    private readonly ProjectFileBorder _border;
    private readonly List<ProjectFileRead> _notRead = [];

    public CustomCommands(string? userCommandsDir, string? projectCommandsDir, ProjectFileBorder? border = null)
    {
        _border = border ?? new ProjectFileBorder(new Workspace(projectCommandsDir ?? Directory.GetCurrentDirectory(), new NativeFileSystem()), policy: null);
        Load(userCommandsDir, "user");
        Load(projectCommandsDir, "project");
        foreach (var (file, origin) in _byName.Values)
        {
            if (Read(file, origin) is { } read && read.Status != ProjectFileStatus.Read)
            {
                _notRead.Add(read);
            }
        }
    }

    public IEnumerable<(string Name, string Origin)> Names =>
        _byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Origin));

    /// <summary>The templates found at start that will not be sent, each with why (for the banner).</summary>
    public IReadOnlyList<ProjectFileRead> NotRead => _notRead;

    /// <summary>The expanded prompt for <paramref name="command"/>, or null when no such template exists or it was refused.</summary>
    public string? Expand(SlashCommand command) => Expand(command, out _);

    /// <summary>As <see cref="Expand(SlashCommand)"/>; <paramref name="refused"/> says why a template that exists was not sent.</summary>
    public string? Expand(SlashCommand command, out string? refused)
    {
        refused = null;
        if (!_byName.TryGetValue(command.Name, out var entry) || Read(entry.File, entry.Origin) is not { } read)
        {
            return null;
        }

        if (read.Status != ProjectFileStatus.Read)
        {
            refused = read.Note;
            return null;
        }

        var template = read.Text!;
        return template.Contains("$ARGUMENTS", StringComparison.Ordinal)
            ? template.Replace("$ARGUMENTS", command.Arguments, StringComparison.Ordinal)
            : command.Arguments.Length == 0 ? template : template.TrimEnd() + "\n\n" + command.Arguments;
    }

    private ProjectFileRead? Read(string file, string origin) =>
        origin == "user" ? ProjectFileBorder.ReadOwn(_border.Workspace.Files, file) : _border.Read(file);

    private void Load(string? dir, string origin)
    {
        if (dir is null || !Directory.Exists(dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*.md"))
        {
            var name = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            if (name.Length > 0 && !SlashCommand.BuiltIns.Any(b => b.Name == name))
            {
                _byName[name] = (file, origin);
            }
        }
    }
}
