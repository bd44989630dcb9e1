using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Policy;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: shell commands run in the editor's terminal only when the user's own config.toml turns it on, the editor offers
/// terminals and the managed policy does not require the sandbox; a project's config cannot turn it on.
/// </summary>
public sealed class EditorTerminalsTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-edterm-home-");
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("sov-edterm-proj-");

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _project.Delete(recursive: true);
    }

    private static SovConfig On => new() { UserFile = "config.toml", Acp = AcpSection.Empty with { EditorTerminal = true } };

    [Fact]
    public void OffByDefaultSilently()
    {
        Assert.Equal((false, null), EditorTerminals.Decide(new SovConfig { UserFile = "config.toml" }, offered: true));
        Assert.False(SovConfigReader.FromText("[acp]\neditor_mcp_servers = true\n", "config.toml").Acp.EditorTerminal);
    }

    [Fact]
    public void OnAndOfferedTheCommandsRunThereAndThePersonIsTold()
    {
        var config = SovConfigReader.FromText("[acp]\neditor_terminal = true\n", "config.toml");
        Assert.Empty(config.Warnings);
        var (use, note) = EditorTerminals.Decide(config, offered: true);
        Assert.True(use);
        Assert.Contains("UNSANDBOXED", note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditorWithoutTerminalsGetsTheSandbox()
    {
        var (use, note) = EditorTerminals.Decide(On, offered: false);
        Assert.False(use);
        Assert.Contains("sandbox", note, StringComparison.Ordinal);
    }

    [Fact]
    public void TheManagedPolicysRequireSandboxForbidsIt()
    {
        var config = On with { Policy = new ManagedPolicy { Path = "/etc/sov/policy.toml", RequireSandbox = true } };
        var (use, note) = EditorTerminals.Decide(config, offered: true);
        Assert.False(use);
        Assert.Contains("requires the sandbox, so [acp] editor_terminal is ignored", note, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectsConfigCannotTurnItOn()
    {
        var user = Path.Combine(_home.FullName, "config.toml");
        File.WriteAllText(user, "");
        Directory.CreateDirectory(Path.Combine(_project.FullName, ".sov"));
        File.WriteAllText(Path.Combine(_project.FullName, ".sov", "config.toml"), "[acp]\neditor_terminal = true\n");
        var config = SovConfigReader.Read(new NativeFileSystem(), user, new Workspace(_project.FullName, new NativeFileSystem()));
        Assert.False(config.Acp.EditorTerminal);
        Assert.Contains(config.Warnings, w => w.StartsWith("Ignored 'acp' in .sov/config.toml", StringComparison.Ordinal));
        Assert.False(EditorTerminals.Decide(config, offered: true).Use);
    }
}
