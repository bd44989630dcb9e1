namespace Sov.Core.Config;

/// <summary>
/// The settings of one run after precedence was applied (flags, then SOV_* variables, then the user
/// config with its profile, then the project's .sov/config.toml). Null means "not set anywhere".
/// </summary>
public sealed record SovSettings
{
    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    /// <summary>The name of the variable holding the API key; the key itself is never stored.</summary>
    public string? ApiKeyEnv { get; init; }

    public int? MaxTurns { get; init; }

    public double? FirstByteTimeoutSeconds { get; init; }

    public double? IdleTimeoutSeconds { get; init; }

    /// <summary>The longest one model answer may take, retries included (<c>answer_timeout_seconds</c>, #13.4).</summary>
    public double? AnswerTimeoutSeconds { get; init; }

    /// <summary>Extra instructions appended to the system prompt (user config, then project config).</summary>
    public string? Instructions { get; init; }

    /// <summary>The model's context window in tokens (<c>context_window</c>); defaults by model family otherwise.</summary>
    public int? ContextWindow { get; init; }

    /// <summary>The profile used, if any.</summary>
    public string? Profile { get; init; }

    /// <summary>Where each value came from ("flag", "SOV_MODEL", "user config", "project config").</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Things worth telling the person (e.g. a project config tried to set an endpoint).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
