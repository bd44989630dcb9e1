using System.Reflection;

namespace Sov.Cli.Commands;

/// <summary>
/// The SHA-256 of the CycloneDX SBOM this build ships with (#20): the packaging scripts generate the SBOM before
/// compiling and pass it as <c>-p:SovSbomFile=...</c>; the build hashes that file and bakes the digest in as
/// assembly metadata. A build without an SBOM says "none".
/// </summary>
internal static class SbomInfo
{
    public static string Digest { get; } =
        typeof(SbomInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SovSbomSha256")?.Value is { Length: > 0 } digest ? "sha256:" + digest : "none";
}
