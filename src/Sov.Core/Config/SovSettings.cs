namespace Sov.Core.Config;

/// <summary>
/// The settings of one run after precedence was applied (flags, then SOV_* variables, then the user
/// config with its profile, then the project's .sov/config.toml): the model keys of <see cref="ModelSection"/>
/// (<see cref="ModelSection.Instructions"/> joins the user's and the project's), where each came from, and the
/// warnings. Null means "not set anywhere".
/// </summary>
public sealed record SovSettings : ModelSection
{
    /// <summary>The profile used, if any.</summary>
    public string? Profile { get; init; }

    /// <summary>Where each value came from ("flag", "SOV_MODEL", "user config", "project config").</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Things worth telling the person (unknown keys with their line, a project config that tried to set an endpoint).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
