namespace Sov.Cli.Interactive;

/// <summary>
/// Prompt templates the person keeps as Markdown files: the user config's <c>commands/NAME.md</c> and the
/// project's <c>.sov/commands/NAME.md</c> (project wins on a name clash, built-ins always win).
/// <c>$ARGUMENTS</c> in the template is replaced with what follows <c>/NAME</c>.
/// </summary>
public sealed class CustomCommands
{
    private readonly Dictionary<string, (string File, string Origin)> _byName = new(StringComparer.Ordinal);

    public CustomCommands(string? userCommandsDir, string? projectCommandsDir)
    {
        Load(userCommandsDir, "user");
        Load(projectCommandsDir, "project");
    }

    public IEnumerable<(string Name, string Origin)> Names =>
        _byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Origin));

    /// <summary>The expanded prompt for <paramref name="command"/>, or null when no such template exists.</summary>
    public string? Expand(SlashCommand command)
    {
        if (!_byName.TryGetValue(command.Name, out var entry) || !File.Exists(entry.File))
        {
            return null;
        }

        var template = File.ReadAllText(entry.File);
        return template.Contains("$ARGUMENTS", StringComparison.Ordinal)
            ? template.Replace("$ARGUMENTS", command.Arguments, StringComparison.Ordinal)
            : command.Arguments.Length == 0 ? template : template.TrimEnd() + "\n\n" + command.Arguments;
    }

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
