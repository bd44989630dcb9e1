using System.Globalization;
using Sov.Core.Files;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// Loads and merges configuration. Precedence, highest first: command-line flags; <c>SOV_*</c>
/// variables (SOV_ENDPOINT, SOV_MODEL, SOV_API_KEY_ENV, SOV_MAX_TURNS, SOV_PROFILE); the user config
/// (<c>$SOV_HOME/config.toml</c> or the XDG one), where a <c>[profiles.NAME]</c> table overrides the
/// top-level keys; last the project's <c>.sov/config.toml</c>, which is only semi-trusted: it may set
/// <c>model</c> and <c>instructions</c>, and narrow <c>[permissions]</c> (PermissionSettings), never endpoints
/// or keys (anything else is ignored with a warning).
/// </summary>
public static class ConfigLoader
{
    private static readonly string[] ProjectAllowed = ["model", "instructions", "permissions"];
    private static readonly string[] ProjectRefused = ["endpoint", "api_key_env", "api_key", "profiles", "profile"];

    public static SovSettings Load(SovPaths paths, IEnvironment environment, string workspaceRoot, SettingsOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        flags ??= new SettingsOverrides();
        var user = ReadTable(paths.ConfigFile);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var project = ReadProjectTable(workspaceRoot, warnings);
        if (user is not null)
        {
            warnings.AddRange(ConfigKeys.Unknown(user).Select(k => $"Ignored unknown key '{k}' in {paths.ConfigFile} (misspelt? see README, 'Configuration')."));
        }

        var profileName = flags.Profile ?? environment.Get("SOV_PROFILE") ?? String(user, "profile", paths.ConfigFile);
        TomlTable? profile = null;
        if (profileName is not null)
        {
            profile = user is not null && user.TryGetValue("profiles", out var p) && p is TomlTable profiles
                && profiles.TryGetValue(profileName, out var t) && t is TomlTable table
                ? table
                : throw new ConfigException(
                    $"The profile '{profileName}' is not defined in {paths.ConfigFile}.",
                    $"Add a [profiles.{profileName}] table there, or choose another profile.");
        }

        if (project is not null)
        {
            foreach (var key in project.Keys.Where(k => !ProjectAllowed.Contains(k)))
            {
                warnings.Add(ProjectRefused.Contains(key)
                    ? $"Ignored '{key}' in .sov/config.toml: a project may set only the model and instructions."
                    : $"Ignored unknown key '{key}' in .sov/config.toml.");
            }
        }

        string? Pick(string key, string? flag, string variable, bool projectMaySet)
        {
            if (flag is not null)
            {
                sources[key] = "flag";
                return flag;
            }

            if (environment.Get(variable) is { } fromEnv)
            {
                sources[key] = variable;
                return fromEnv;
            }

            if (String(profile, key, paths.ConfigFile) is { } fromProfile)
            {
                sources[key] = $"profile {profileName}";
                return fromProfile;
            }

            if (String(user, key, paths.ConfigFile) is { } fromUser)
            {
                sources[key] = "user config";
                return fromUser;
            }

            if (projectMaySet && String(project, key, ".sov/config.toml") is { } fromProject)
            {
                sources[key] = "project config";
                return fromProject;
            }

            return null;
        }

        var maxTurnsText = Pick("max_turns", flags.MaxTurns?.ToString(CultureInfo.InvariantCulture), "SOV_MAX_TURNS", false);
        var instructions = string.Join("\n\n", new[]
        {
            String(profile, "instructions", paths.ConfigFile) ?? String(user, "instructions", paths.ConfigFile),
            String(project, "instructions", ".sov/config.toml"),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

        return new SovSettings
        {
            Endpoint = Pick("endpoint", flags.Endpoint, "SOV_ENDPOINT", false),
            Model = Pick("model", flags.Model, "SOV_MODEL", true),
            ApiKeyEnv = Pick("api_key_env", flags.ApiKeyEnv, "SOV_API_KEY_ENV", false),
            MaxTurns = maxTurnsText is null ? null : PositiveInt("max_turns", maxTurnsText),
            FirstByteTimeoutSeconds = Seconds("first_byte_timeout_seconds", Pick("first_byte_timeout_seconds", null, "SOV_FIRST_BYTE_TIMEOUT_SECONDS", false)),
            IdleTimeoutSeconds = Seconds("idle_timeout_seconds", Pick("idle_timeout_seconds", null, "SOV_IDLE_TIMEOUT_SECONDS", false)),
            AnswerTimeoutSeconds = Seconds("answer_timeout_seconds", Pick("answer_timeout_seconds", null, "SOV_ANSWER_TIMEOUT_SECONDS", false)),
            Instructions = instructions.Length == 0 ? null : instructions,
            ContextWindow = Pick("context_window", null, "SOV_CONTEXT_WINDOW", false) is { } window ? PositiveInt("context_window", window) : null,
            Profile = profileName,
            Sources = sources,
            Warnings = warnings,
        };
    }

    /// <summary>The most a config file may hold; a bigger one is refused, never cut (a cut TOML file means something else).</summary>
    public const int MaxConfigBytes = 256 * 1024;

    /// <summary>
    /// Parses one of the person's own TOML files (trusted, so symlinks may lead anywhere, but it must be a
    /// regular file within <see cref="MaxConfigBytes"/>); null when the file does not exist.
    /// </summary>
    public static TomlTable? ReadTable(string path)
    {
        var file = ProjectFileBorder.ReadOwn(path, MaxConfigBytes);
        return file is null ? null
            : file.Status == ProjectFileStatus.Read ? Parse(path, file.Text!)
            : throw new ConfigException($"{path} was not read: {file.Reason}.", "Make it a regular file of a sensible size, or move it away.");
    }

    /// <summary>
    /// Parses the project's <c>.sov/config.toml</c> through the file border (a symlink, or a symlinked
    /// <c>.sov</c>, leading out of the workspace, a non-regular file, hard links, a file over the cap: refused
    /// with a warning and treated as absent); null when there is none. No read rules yet: the config is what
    /// sets them. (Pinned attack: issue #12 item 2.)
    /// </summary>
    public static TomlTable? ReadProjectTable(string workspaceRoot, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        var border = new ProjectFileBorder(new Workspace(workspaceRoot), policy: null);
        var path = Path.Combine(workspaceRoot, ".sov", "config.toml");
        var file = border.Read(path, MaxConfigBytes);
        if (file is { Status: ProjectFileStatus.Read })
        {
            return Parse(path, file.Text!);
        }

        if (file is not null)
        {
            warnings?.Add($"Ignored .sov/config.toml: {file.Note}.");
        }

        return null;
    }

    private static TomlTable Parse(string path, string text)
    {
        try
        {
            return TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable) ?? [];
        }
        catch (TomlException e)
        {
            throw new ConfigException($"{path} is not valid TOML: {TomlError.Describe(e.Message)}", "Fix the file (see README, 'Configuration'; one key = value per line), or move it away.");
        }
    }

    private static string? String(TomlTable? table, string key, string file)
    {
        if (table is null || !table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            string s => s,
            long or double or bool => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => throw new ConfigException($"'{key}' in {file} must be a string or number.", $"Write it as {key} = \"...\"."),
        };
    }

    private static int PositiveInt(string key, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ConfigException($"{key} must be a positive whole number, not '{text}'.", $"Set {key} to a number such as 30.");

    private static double? Seconds(string key, string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s
        : throw new ConfigException($"{key} must be a positive number of seconds, not '{text}'.", $"Set {key} to a number such as 60.");

}
