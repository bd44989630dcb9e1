using Sov.Borders.Policy;
using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>
/// A policy file in a temporary folder owned by the user running the tests, read by a <see cref="PolicyFile"/> that
/// trusts that user (the product's trusts root only; its path is fixed at build time), so the tests run as root and
/// as an ordinary user alike.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class PolicyFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sov-policy-");

    public string Path => System.IO.Path.Combine(_folder.FullName, "policy.toml");

    public string Folder => _folder.FullName;

    /// <summary>The uid of this test process (from /proc, as the tests may not read the environment).</summary>
    public static uint Uid { get; } = uint.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
        .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);

    public PolicyFolder Write(string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)
    {
        File.WriteAllText(Path, text);
        File.SetUnixFileMode(Path, mode);
        return this;
    }

    public ManagedPolicy Read() => new PolicyFile(Path, Uid).Read();

    public void Dispose() => _folder.Delete(recursive: true);
}
