using Sov.Borders.Policy;
using Sov.Core;
using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>#20: the policy file's border: absent is no policy; a file others could have written, or that cannot be read, is exit 3 (fail closed).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PolicyFileTests
{
    [Fact]
    public void TheProductPathIsFixedAtBuildTime() =>
        Assert.Equal("/etc/sov/policy.toml", PolicyFile.BuiltInPath);

    [Fact]
    public void NoFileAndNoFolderIsNoPolicy()
    {
        using var folder = new PolicyFolder();
        Assert.Same(ManagedPolicy.None, folder.Read());
        Assert.Same(ManagedPolicy.None, new PolicyFile(System.IO.Path.Combine(folder.Folder, "absent", "policy.toml"), PolicyFolder.Uid).Read());
    }

    [Fact]
    public void ATrustedFileIsReadAndHashed()
    {
        using var folder = new PolicyFolder().Write("[permissions]\nmax_mode = \"auto-edit\"\n");
        var policy = folder.Read();
        Assert.Equal(folder.Path, policy.Path);
        Assert.Equal(Sov.Core.Permissions.PermissionMode.AutoEdit, policy.MaxMode);
        Assert.Equal(64, policy.Sha256!.Length);
    }

    [Fact]
    public void AFileWithMode0666IsRefusedWithExitThree()
    {
        using var folder = new PolicyFolder().Write("[permissions]\nmax_mode = \"ask\"\n", (UnixFileMode)0b110_110_110);
        var e = Assert.Throws<SovException>(folder.Read);
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Contains(folder.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("mode 0666", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWritableByOthersIsRefused()
    {
        using var folder = new PolicyFolder().Write("");
        File.SetUnixFileMode(folder.Folder, (UnixFileMode)0b111_111_111);
        Assert.Contains("writable by group or others", Assert.Throws<SovException>(folder.Read).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASymlinkIsRefused()
    {
        using var folder = new PolicyFolder();
        var real = System.IO.Path.Combine(folder.Folder, "real.toml");
        File.WriteAllText(real, "");
        File.CreateSymbolicLink(folder.Path, real);
        Assert.Equal(ExitCodes.Environment, Assert.Throws<SovException>(folder.Read).ExitCode);
    }

    [Fact]
    public void AFileOwnedBySomeoneElseIsRefused()
    {
        // the product trusts root only; here the trusted owner is a uid nobody has, so the test's own file is someone else's
        using var folder = new PolicyFolder().Write("");
        if (PolicyFolder.Uid == 0)
        {
            Assert.Skip("root's files are always trusted; this case needs an ordinary user (the pure check covers it: PolicyFileCheckTests).");
        }

        Assert.Contains("owned by uid", Assert.Throws<SovException>(() => new PolicyFile(folder.Path, 4_000_000).Read()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableFileIsRefused()
    {
        using var folder = new PolicyFolder().Write("", UnixFileMode.None);
        if (PolicyFolder.Uid == 0)
        {
            Assert.Skip("root reads a 0000 file; this case needs an ordinary user.");
        }

        Assert.Contains("cannot be read", Assert.Throws<SovException>(folder.Read).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativePathIsRefused() =>
        Assert.Equal(ExitCodes.Environment, Assert.Throws<SovException>(() => new PolicyFile("policy.toml").Read()).ExitCode);
}
