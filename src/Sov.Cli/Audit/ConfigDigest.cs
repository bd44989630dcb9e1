using System.Security.Cryptography;

namespace Sov.Cli.Audit;

/// <summary>The SHA-256 of the user config file as it was when a session started (<c>none</c> without one).</summary>
internal static class ConfigDigest
{
    public static string Of(string configFile) =>
        File.Exists(configFile) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configFile))) : "none";
}
