namespace Sov.Core.Config;

/// <summary>Values given on the command line; they win over everything else.</summary>
public sealed record SettingsOverrides
{
    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    public string? ApiKeyEnv { get; init; }

    public int? MaxTurns { get; init; }

    public string? Profile { get; init; }

    /// <summary>The permission mode (plan, read-only, ask, auto-edit, full-auto); a project config may still narrow it.</summary>
    public string? Mode { get; init; }
}
