using Sov.Borders.FileSystem;
using Sov.Core.Files;
using Sov.Core.Prompts;
using Sov.Tests.Files;

namespace Sov.Tests.Prompts;

// Issue #12 item 2: the AGENTS.md chain is read through the file border, and the person is told what was refused.
public sealed class ProjectInstructionsTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ARefusedAgentsMdIsReportedAndNotReplacedByAFallback()
    {
        File.CreateSymbolicLink(_tree.In("AGENTS.md"), Path.Combine(_tree.Outside, "secret.txt"));
        File.WriteAllText(_tree.In("CLAUDE.md"), "fallback");

        var loaded = ProjectInstructions.Load(null, new Workspace(_tree.Root, new NativeFileSystem()));

        Assert.Null(loaded.Text);
        var file = Assert.Single(loaded.Files);
        Assert.Equal(ProjectFileStatus.Refused, file.Status);
        Assert.Contains("refused AGENTS.md", loaded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySymlinkedFallbackNameLeadingOutIsRefused()
    {
        foreach (var name in ProjectInstructions.FileNames)
        {
            File.CreateSymbolicLink(_tree.In(name), Path.Combine(_tree.Outside, "secret.txt"));
            var loaded = ProjectInstructions.Load(null, new Workspace(_tree.Root, new NativeFileSystem()));
            Assert.DoesNotContain("SECRET", loaded.Text ?? "", StringComparison.Ordinal);
            Assert.Equal(ProjectFileStatus.Refused, Assert.Single(loaded.Files).Status);
            File.Delete(_tree.In(name));
        }
    }

    [Fact]
    public void ThePersonsOwnFileAndTheProjectsAreReadAndNamed()
    {
        var own = Directory.CreateDirectory(Path.Combine(_tree.Base, "config")).FullName;
        File.WriteAllText(Path.Combine(own, "AGENTS.md"), "mine");
        File.WriteAllText(_tree.In("AGENTS.md"), "project");

        var loaded = ProjectInstructions.Load(own, new Workspace(_tree.Root, new NativeFileSystem()));

        Assert.Equal("mine\n\nproject", loaded.Text);
        Assert.Equal([Path.Combine(own, "AGENTS.md"), "AGENTS.md"], loaded.Sources);
        Assert.Null(loaded.Warning);
    }

    [Fact]
    public void InstructionsLongerThanThePromptTakesSaySo()
    {
        File.WriteAllText(_tree.In("AGENTS.md"), new string('x', SystemPrompt.MaxAgentsMdChars + 10));

        var loaded = ProjectInstructions.Load(null, new Workspace(_tree.Root, new NativeFileSystem()));

        Assert.NotNull(loaded.CutNote);
        Assert.Contains("reach the model", loaded.Warning, StringComparison.Ordinal);
    }
}
