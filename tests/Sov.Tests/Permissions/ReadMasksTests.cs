using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

/// <summary>What a sandboxed shell command must not see because read rules hold it back.</summary>
public sealed class ReadMasksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sov-masks-").FullName;

    public void Dispose() => Sov.Tests.Files.RawNames.Delete(_root); // names that are not UTF-8 too

    private void Write(string relative)
    {
        var path = Path.Join(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    private static PermissionPolicy Policy(string[] deny, string[]? ask = null) =>
        new(PermissionMode.FullAuto, PermissionRules.Parse(null, ask, deny), sandboxAvailable: true);

    [Fact]
    public void FilesAndWholeFoldersTheRulesHoldBackAreListedIgnoredOnesToo()
    {
        Write(".gitignore");
        Write("app/.env");
        Write("app/main.cs");
        Write("secrets/a/b.key");
        Write("secrets/c.key");
        Write("notes/private.md");
        File.WriteAllText(Path.Join(_root, ".gitignore"), ".env\n");
        var masks = ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), _root, Policy(["read:**/.env", "read:secrets"], ask: ["read:notes/private.md"]), TestContext.Current.CancellationToken);
        Assert.NotNull(masks);
        Assert.Equal(
            new[] { "app/.env", "notes/private.md", "secrets" },
            masks.Select(m => Path.GetRelativePath(_root, m).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void AHeldBackNameThatIsNotUtf8MasksItsFolderInstead()
    {
        // #14: the one tree walker reads names as bytes; the sandbox can only be told UTF-8 paths, so more is hidden, never less.
        Write("keys/readme.md");
        Sov.Tests.Files.RawNames.Create(_root, Sov.Tests.Files.RawNames.Bytes("keys/k", 0xFF, (byte)'.', (byte)'k', (byte)'e', (byte)'y'), "secret");
        var masks = ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), _root, Policy(["read:**/*.key"]), TestContext.Current.CancellationToken);
        Assert.Equal(["keys"], masks!.Select(m => Path.GetRelativePath(_root, m)).ToArray());
    }

    [Fact]
    public void AWorkspaceWhosePathHoldsABackslashIsStillWalked()
    {
        // Review of #14: the walker takes paths in the file border's escape; a root with "\\x41" in its text must not
        // read as an escaped byte and come back with nothing masked.
        var root = Path.Join(_root, "proj\\x41");
        Directory.CreateDirectory(Path.Join(root, "app"));
        File.WriteAllText(Path.Join(root, "app", ".env"), "KEY=1");
        var masks = ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), root, Policy(["read:**/.env"]), TestContext.Current.CancellationToken);
        Assert.Equal([Path.Join(root, "app", ".env")], masks);
    }

    [Fact]
    public void AWorkspaceThatCannotBeListedMasksNothingSilently()
    {
        var masks = ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), Path.Join(_root, "missing"), Policy(["read:**/.env"]), TestContext.Current.CancellationToken);
        Assert.Null(masks);
    }

    [Fact]
    public void WithoutReadRulesNothingIsWalked()
    {
        Write("a/.env");
        Assert.Empty(ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), _root, Policy(["shell:rm*", "write:**"]), TestContext.Current.CancellationToken)!);
    }

    [Fact]
    public void AnAbsoluteRuleWithoutWildcardsIsMaskedWhenItExists()
    {
        var outside = Directory.CreateTempSubdirectory("sov-masks-out-").FullName;
        try
        {
            var file = Path.Join(outside, "token");
            File.WriteAllText(file, "t");
            var masks = ReadMasks.Find(new Sov.Borders.FileSystem.NativeFileSystem(), _root, Policy([$"read:{file}", $"read:{outside}/missing", $"read:{outside}/*.key"]), TestContext.Current.CancellationToken);
            Assert.Equal([file], masks);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    // Review finding: a rule naming a folder (read:secrets) hid it from the shell but not from read_file.
    [Fact]
    public void AFolderRuleCoversWhatIsInside()
    {
        var policy = Policy(["read:secrets"]);
        Assert.False(policy.ReadsFreely("secrets/a/b.key"));
        Assert.Equal(Core.Permissions.Verdict.Deny, policy.DecideRead(new PathAccess("secrets/a/b.key", true, false)).Verdict);
        Assert.True(policy.ReadsFreely("secretsx/a"));
    }
}
