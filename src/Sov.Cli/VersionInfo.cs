using System.Reflection;

namespace Sov.Cli;

/// <summary>
/// What this binary is (#20): its version, and the commit and state of the tree it was built from. The commit and
/// the tree state are fixed at build time by Sov.Cli.csproj's SovSourceRevision target (git, or "unknown" without
/// it), never read at run time, and hold no date or path: the same commit built clean gives the same bytes.
/// </summary>
internal static class VersionInfo
{
    /// <summary>The informational version, e.g. "0.1.0".</summary>
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    /// <summary>The full commit hash the binary was built from, or "unknown" (built without git).</summary>
    public static string Commit { get; } = Metadata("SovCommit") is { Length: 40 } commit ? commit : "unknown";

    /// <summary>"clean" (no change against the commit), "dirty" (changed or untracked files) or "unknown".</summary>
    public static string Tree { get; } = Metadata("SovTree") is "clean" or "dirty" ? Metadata("SovTree")! : "unknown";

    /// <summary>True for a clean tree, false for a dirty one, null when unknown.</summary>
    public static bool? Clean => Tree switch { "clean" => true, "dirty" => false, _ => null };

    /// <summary>
    /// "sha256:…" of the CycloneDX SBOM this build shipped with (the packaging scripts make it before compiling and the
    /// build bakes its digest in as SovSbomSha256), or "none" for a build made without one: it makes no claim.
    /// </summary>
    public static string SbomDigest { get; } = Metadata("SovSbomSha256") is { Length: 64 } digest ? "sha256:" + digest : "none";

    /// <summary>What <c>sov --version</c> prints: "0.1.0 (commit 71a33a6390ac, clean)".</summary>
    public static string Line => $"{Version} (commit {(Commit.Length == 40 ? Commit[..12] : Commit)}, {Tree})";

    private static string? Metadata(string key) =>
        typeof(VersionInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
