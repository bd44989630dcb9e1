using Sov.Core.Files;
using Sov.Borders.FileSystem;
using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Tests.Files;

namespace Sov.Tests.Permissions;

public sealed class PermissionSettingsTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly SovPaths _paths;

    public PermissionSettingsTests() => _paths = new SovPaths(Path.Combine(_tree.Base, "home"), Path.Combine(_tree.Base, "home"), Path.Combine(_tree.Base, "cache"));

    public void Dispose() => _tree.Dispose();

    private void User(string toml)
    {
        Directory.CreateDirectory(_paths.ConfigDir);
        File.WriteAllText(_paths.ConfigFile, toml);
    }

    private void Project(string toml)
    {
        Directory.CreateDirectory(_tree.In(".sov"));
        File.WriteAllText(_tree.In(".sov/config.toml"), toml);
    }

    [Fact]
    public void DefaultsToAskWithNoRules()
    {
        var s = PermissionSettings.From(SovConfigReader.Read(_paths, new Workspace(_tree.Root, new NativeFileSystem())), null);
        Assert.Equal(PermissionMode.Ask, s.Mode);
        Assert.Empty(s.Rules.Allow);
    }

    // A repository may add instructions, never widen permissions (Copilot CVE-2025-53773 style self-escalation).
    [Fact]
    public void AProjectCanOnlyNarrow()
    {
        User("[permissions]\nmode = \"auto-edit\"\nallow = [\"shell:git status\"]\nenv = [\"GOPATH\"]\n");
        Project("[permissions]\nmode = \"full-auto\"\nallow = [\"shell:*\"]\ndeny = [\"write:docs/**\"]\nenv = [\"AWS_SECRET_ACCESS_KEY\"]\n");
        var s = PermissionSettings.From(SovConfigReader.Read(_paths, new Workspace(_tree.Root, new NativeFileSystem())), null);
        Assert.Equal(PermissionMode.AutoEdit, s.Mode);
        Assert.Equal(["shell:git status"], s.Rules.Allow.Select(r => r.ToString()));
        Assert.Equal(["write:docs/**"], s.Rules.Deny.Select(r => r.ToString()));
        Assert.Equal(["GOPATH"], s.Environment);
        Project("[permissions]\nmode = \"read-only\"\n");
        Assert.Equal(PermissionMode.ReadOnly, PermissionSettings.From(SovConfigReader.Read(_paths, new Workspace(_tree.Root, new NativeFileSystem())), "full-auto").Mode);
    }

    [Fact]
    public void TheFlagWinsOverTheUserConfig()
    {
        User("[permissions]\nmode = \"read-only\"\n");
        Assert.Equal(PermissionMode.FullAuto, PermissionSettings.From(SovConfigReader.Read(_paths, new Workspace(_tree.Root, new NativeFileSystem())), "full-auto").Mode);
    }

    [Theory]
    [InlineData("[permissions]\nmode = \"yolo\"\n")]
    [InlineData("[permissions]\nallow = \"shell:ls\"\n")]
    [InlineData("[permissions]\ndeny = [\"nonsense\"]\n")]
    [InlineData("permissions = 3\n")]
    public void BadSettingsAreConfigErrors(string toml)
    {
        User(toml);
        Assert.Throws<ConfigException>(() => PermissionSettings.From(SovConfigReader.Read(_paths, new Workspace(_tree.Root, new NativeFileSystem())), null));
    }
}
