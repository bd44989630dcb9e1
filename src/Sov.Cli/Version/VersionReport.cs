using System.Text.Json.Serialization;

namespace Sov.Cli.Version;

/// <summary>
/// <c>sov version --json</c> (#20): what a team checks against the source it rebuilt. One property per field, each
/// filled in <see cref="Current"/>; a new field is one property here and one line there.
/// </summary>
internal sealed record VersionReport
{
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>The full commit hash, or "unknown".</summary>
    [JsonPropertyName("commit")]
    public required string Commit { get; init; }

    /// <summary>True: built from a clean tree at <see cref="Commit"/>; false: with changes; null: unknown.</summary>
    [JsonPropertyName("clean")]
    public required bool? Clean { get; init; }

    /// <summary>"sha256:…" of the SBOM shipped with this build, or "none" (built without one).</summary>
    [JsonPropertyName("sbom_digest")]
    public required string SbomDigest { get; init; }

    /// <summary>The .NET runtime compiled in, e.g. ".NET 10.0.0".</summary>
    [JsonPropertyName("runtime")]
    public required string Runtime { get; init; }

    /// <summary>The platform the binary runs on, e.g. "linux-x64".</summary>
    [JsonPropertyName("platform")]
    public required string Platform { get; init; }

    public static VersionReport Current() => new()
    {
        Version = VersionInfo.Version,
        Commit = VersionInfo.Commit,
        Clean = VersionInfo.Clean,
        SbomDigest = VersionInfo.SbomDigest,
        Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        Platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
    };
}
