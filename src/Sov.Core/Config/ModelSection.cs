namespace Sov.Core.Config;

/// <summary>
/// The model keys of config.toml, at the top level or in a <c>[profiles.NAME]</c> table (a project's
/// <c>.sov/config.toml</c> fills only <see cref="Model"/> and <see cref="Instructions"/>). Null: not set here.
/// <see cref="SovSettings"/> is the same keys after precedence.
/// </summary>
public record ModelSection
{
    public static ModelSection Empty { get; } = new();

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

    /// <summary>Whether the model accepts images (<c>images = true</c>): read_file and image paths in a prompt then send them. Unset: text only.</summary>
    public bool? Images { get; init; }

    /// <summary>Reads and type-checks the model keys of one table.</summary>
    /// <remarks>
    /// <c>model</c> may also be a table, <c>[model]</c> with <c>name</c> and <c>images</c> (#17), for those who write
    /// <c>[model] images = true</c>; its keys count as if written at this level.
    /// </remarks>
    public static ModelSection Read(ConfigSection? table) => table is null ? Empty : Read(table, table.IsTable("model") ? table.Section("model") : null);

    private static ModelSection Read(ConfigSection table, ConfigSection? model) => new()
    {
        Endpoint = table.Text("endpoint"),
        Model = model is null ? table.Text("model") : model.Text("name"),
        ApiKeyEnv = table.Text("api_key_env"),
        MaxTurns = (int?)table.Whole("max_turns"),
        FirstByteTimeoutSeconds = table.Positive("first_byte_timeout_seconds"),
        IdleTimeoutSeconds = table.Positive("idle_timeout_seconds"),
        AnswerTimeoutSeconds = table.Positive("answer_timeout_seconds"),
        Instructions = table.Text("instructions"),
        ContextWindow = (int?)table.Whole("context_window"),
        Images = model?.Flag("images") ?? table.Flag("images"),
    };
}
