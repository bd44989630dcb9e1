namespace Sov.Core.Config;

/// <summary>Values given on the command line; they win over everything else.</summary>
public sealed record SettingsOverrides
{
    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    public string? ApiKeyEnv { get; init; }

    public int? MaxTurns { get; init; }

    public string? Profile { get; init; }
}
