using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>#20: a policy file anyone but root could have written (it, or a folder above it) is not trusted.</summary>
public sealed class PolicyFileCheckTests
{
    private const int File = 0x8000;
    private const int Folder = 0x4000;
    private const int Link = 0xA000;

    private static PolicyPathEntry Entry(string path, uint owner, int type, int mode) => new(path, owner, type | mode);

    private static string? Check(PolicyPathEntry file, params PolicyPathEntry[] folders) => PolicyFileCheck.Problem(file, folders, 0);

    private static readonly PolicyPathEntry Etc = Entry("/etc/sov", 0, Folder, 0b111_101_101);
    private static readonly PolicyPathEntry Root = Entry("/", 0, Folder, 0b111_101_101);

    [Fact]
    public void ARootOwnedFileInRootOwnedFoldersIsTrusted() =>
        Assert.Null(Check(Entry("/etc/sov/policy.toml", 0, File, 0b110_100_100), Etc, Root));

    [Theory]
    [InlineData(0b110_110_110, "mode 0666")]
    [InlineData(0b110_110_100, "mode 0664")]
    [InlineData(0b110_100_110, "mode 0646")]
    public void AFileWritableByGroupOrOthersIsRefused(int mode, string shown) =>
        Assert.Contains(shown, Check(Entry("/etc/sov/policy.toml", 0, File, mode), Etc, Root), StringComparison.Ordinal);

    [Fact]
    public void AFileOwnedByAUserIsRefused() =>
        Assert.Contains("owned by uid 1000, not root", Check(Entry("/etc/sov/policy.toml", 1000, File, 0b110_100_100), Etc, Root), StringComparison.Ordinal);

    [Fact]
    public void AFolderOwnedByAUserOrWritableByOthersIsRefused()
    {
        var file = Entry("/etc/sov/policy.toml", 0, File, 0b110_100_100);
        Assert.Contains("/etc/sov is owned by uid 1000", Check(file, Entry("/etc/sov", 1000, Folder, 0b111_101_101), Root), StringComparison.Ordinal);
        Assert.Contains("/etc/sov is writable by group or others", Check(file, Entry("/etc/sov", 0, Folder, 0b111_111_101), Root), StringComparison.Ordinal);
        Assert.Contains("/ is writable", Check(file, Etc, Entry("/", 0, Folder, 0b111_111_111)), StringComparison.Ordinal);
    }

    [Fact]
    public void AStickyWorldWritableFolderLikeTmpIsAcceptedAboveARootOwnedOne() =>
        Assert.Null(Check(Entry("/tmp/p/policy.toml", 0, File, 0b110_100_100), Entry("/tmp/p", 0, Folder, 0b111_101_101), Entry("/tmp", 0, Folder, 0x200 | 0b111_111_111), Root));

    [Fact]
    public void ASymlinkOrAnotherKindOfFileIsRefused()
    {
        Assert.Contains("not a regular file", Check(Entry("/etc/sov/policy.toml", 0, Link, 0b111_111_111), Etc, Root), StringComparison.Ordinal);
        Assert.Contains("not a folder", Check(Entry("/etc/sov/policy.toml", 0, File, 0b110_100_100), Entry("/etc/sov", 0, Link, 0b111_111_111), Root), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFoldersAreListedNearestFirstUpToRoot() =>
        Assert.Equal(["/etc/sov", "/etc", "/"], PolicyFileCheck.FoldersOf("/etc/sov/policy.toml"));
}
