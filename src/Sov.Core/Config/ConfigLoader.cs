using System.Globalization;
using Sov.Core.Files;

namespace Sov.Core.Config;

/// <summary>
/// Applies precedence to the one typed configuration (<see cref="SovConfigReader"/>). Highest first:
/// command-line flags; <c>SOV_*</c> variables (SOV_ENDPOINT, SOV_MODEL, SOV_API_KEY_ENV, SOV_MAX_TURNS,
/// SOV_PROFILE, the timeouts, SOV_CONTEXT_WINDOW); the user config, where a <c>[profiles.NAME]</c> table
/// overrides the top-level keys; last the project's <c>.sov/config.toml</c> (model and instructions only).
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads the config files once and applies precedence.</summary>
    public static SovSettings Load(SovPaths paths, IEnvironment environment, Workspace workspace, SettingsOverrides? flags = null) =>
        Load(SovConfigReader.Read(paths, workspace), environment, flags);

    public static SovSettings Load(SovConfig config, IEnvironment environment, SettingsOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        flags ??= new SettingsOverrides();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var profileName = flags.Profile ?? environment.Get("SOV_PROFILE") ?? config.Profile;
        ModelSection? profile = null;
        if (profileName is not null)
        {
            profile = config.Profiles.TryGetValue(profileName, out var table)
                ? table
                : throw new ConfigException(
                    $"The profile '{profileName}' is not defined in {config.UserFile}.",
                    $"Add a [profiles.{profileName}] table there, or choose another profile.");
        }

        T? Pick<T>(string key, T? flag, string variable, Func<string, T> parse, Func<ModelSection, T?> read, bool projectMaySet)
        {
            if (flag is not null)
            {
                sources[key] = "flag";
                return flag;
            }

            if (environment.Get(variable) is { } fromEnv)
            {
                sources[key] = variable;
                return parse(fromEnv);
            }

            if (profile is not null && read(profile) is { } fromProfile)
            {
                sources[key] = $"profile {profileName}";
                return fromProfile;
            }

            if (read(config.Top) is { } fromUser)
            {
                sources[key] = "user config";
                return fromUser;
            }

            if (projectMaySet && read(config.Project) is { } fromProject)
            {
                sources[key] = "project config";
                return fromProject;
            }

            return default;
        }

        string? Text(string key, string? flag, string variable, Func<ModelSection, string?> read, bool projectMaySet = false) =>
            Pick(key, flag, variable, s => s, read, projectMaySet);
        int? Whole(string key, int? flag, string variable, Func<ModelSection, int?> read) =>
            Pick(key, flag, variable, s => PositiveInt(key, s), read, false);
        double? Seconds(string key, string variable, Func<ModelSection, double?> read) =>
            Pick(key, null, variable, s => PositiveSeconds(key, s), read, false);

        var instructions = string.Join("\n\n", new[]
        {
            profile?.Instructions ?? config.Top.Instructions,
            config.Project.Instructions,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

        return new SovSettings
        {
            Endpoint = Text("endpoint", flags.Endpoint, "SOV_ENDPOINT", m => m.Endpoint),
            Model = Text("model", flags.Model, "SOV_MODEL", m => m.Model, projectMaySet: true),
            ApiKeyEnv = Text("api_key_env", flags.ApiKeyEnv, "SOV_API_KEY_ENV", m => m.ApiKeyEnv),
            MaxTurns = Whole("max_turns", flags.MaxTurns is { } turns ? PositiveInt("max_turns", turns.ToString(CultureInfo.InvariantCulture)) : null, "SOV_MAX_TURNS", m => m.MaxTurns),
            FirstByteTimeoutSeconds = Seconds("first_byte_timeout_seconds", "SOV_FIRST_BYTE_TIMEOUT_SECONDS", m => m.FirstByteTimeoutSeconds),
            IdleTimeoutSeconds = Seconds("idle_timeout_seconds", "SOV_IDLE_TIMEOUT_SECONDS", m => m.IdleTimeoutSeconds),
            AnswerTimeoutSeconds = Seconds("answer_timeout_seconds", "SOV_ANSWER_TIMEOUT_SECONDS", m => m.AnswerTimeoutSeconds),
            Instructions = instructions.Length == 0 ? null : instructions,
            ContextWindow = Whole("context_window", null, "SOV_CONTEXT_WINDOW", m => m.ContextWindow),
            Images = Pick("images", null, "SOV_IMAGES", s => Flag("images", s), m => m.Images, false),
            Profile = profileName,
            Sources = sources,
            Warnings = config.Warnings,
        };
    }

    private static int PositiveInt(string key, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ConfigException($"{key} must be a positive whole number, not '{text}'.", $"Set {key} to a number such as 30.");

    private static bool? Flag(string key, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ConfigException($"{key} must be true or false, not '{text}'.", $"Set {key} to true or false."),
    };

    private static double PositiveSeconds(string key, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? s
            : throw new ConfigException($"{key} must be a positive number of seconds, not '{text}'.", $"Set {key} to a number such as 60.");
}
