using Sov.Core.Config;
using Sov.Core.Files;
using Tomlyn.Model;

namespace Sov.Core.Permissions;

/// <summary>
/// The <c>[permissions]</c> config section: <c>mode</c>, <c>allow</c>, <c>ask</c>, <c>deny</c> and
/// <c>env</c> (extra variable names shell commands receive). The user config sets them; a project's
/// <c>.sov/config.toml</c> may only narrow: a narrower mode, more ask and deny rules; its allow list and
/// env are ignored. A <c>--mode</c> flag wins over the user config, but a project can still narrow it.
/// </summary>
public sealed record PermissionSettings(PermissionMode Mode, PermissionRules Rules, IReadOnlyList<string> Environment)
{
    public static PermissionSettings Load(SovPaths paths, Workspace workspace, string? modeFlag)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(workspace);
        var user = Section(ConfigLoader.ReadTable(workspace.Files, paths.ConfigFile), paths.ConfigFile);
        var project = Section(ConfigLoader.ReadProjectTable(workspace), ".sov/config.toml");
        var mode = ParseMode(modeFlag, "--mode") ?? ParseMode(Text(user, "mode", paths.ConfigFile), paths.ConfigFile) ?? PermissionMode.Ask;
        if (ParseMode(Text(project, "mode", ".sov/config.toml"), ".sov/config.toml") is { } projectMode)
        {
            mode = PermissionModes.Narrowest(mode, projectMode);
        }

        var rules = PermissionRules.Parse(List(user, "allow", paths.ConfigFile), List(user, "ask", paths.ConfigFile), List(user, "deny", paths.ConfigFile))
            .NarrowedBy(PermissionRules.Parse([], List(project, "ask", ".sov/config.toml"), List(project, "deny", ".sov/config.toml")));
        return new PermissionSettings(mode, rules, List(user, "env", paths.ConfigFile));
    }

    public static PermissionMode? ParseMode(string? text, string where) =>
        text is null ? null
        : PermissionModes.TryParse(text, out var mode) ? mode
        : throw new ConfigException(
            $"Permission mode '{text}' (from {where}) is not one of {string.Join(", ", PermissionModes.Names)}.",
            "Use read-only, ask, auto-edit or full-auto.");

    private static TomlTable? Section(TomlTable? table, string file) =>
        table is null || !table.TryGetValue("permissions", out var value) ? null
        : value as TomlTable ?? throw new ConfigException($"'permissions' in {file} must be a table.", "Write it as a [permissions] section.");

    private static string? Text(TomlTable? table, string key, string file) =>
        table is null || !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw new ConfigException($"permissions.{key} in {file} must be a string.", $"Write it as {key} = \"ask\".");

    private static List<string> List(TomlTable? table, string key, string file)
    {
        if (table is null || !table.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is TomlArray array && array.All(v => v is string)
            ? array.Cast<string>().ToList()
            : throw new ConfigException($"permissions.{key} in {file} must be a list of strings.", $"Write it as {key} = [\"shell:git status\", \"write:src/**\"].");
    }
}
