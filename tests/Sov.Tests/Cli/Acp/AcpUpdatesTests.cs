using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Cli.Acp.Wire;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.Core.Tools.Effects;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: the session's events as ACP updates: text through the text border (hidden characters revealed, as on the
/// terminal), a tool call's kind from what it touches (never its name) and its file resolved by the file border.
/// </summary>
public sealed class AcpUpdatesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sov-acp-updates-");

    private AcpUpdates Updates() => new(ToolRegistry.ReadOnlyBuiltIns(), new Workspace(_root.FullName, new NativeFileSystem()), new TodoList());

    [Fact]
    public void ModelTextReachesTheEditorWithHiddenCharactersRevealed()
    {
        var chunk = Assert.IsType<AgentMessageChunk>(Assert.Single(Updates().Of(new AssistantDelta("admin\u202E txt.exe"))));
        Assert.DoesNotContain("\u202E", chunk.Content.Text, StringComparison.Ordinal);
        Assert.Contains("202E", chunk.Content.Text, StringComparison.Ordinal);
        var thought = Assert.IsType<AgentThoughtChunk>(Assert.Single(Updates().Of(new ReasoningDelta("\u001b]52;c;AAAA\u0007"))));
        Assert.DoesNotContain("\u001b", thought.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadIsOfKindReadWithItsFileInsideTheWorkspace()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "a.txt"), "x");
        var call = Assert.IsType<ToolCallStart>(Assert.Single(Updates().Of(new ToolCallRequested("c1", "read_file", "{\"path\":\"a.txt\"}", "native"))));
        Assert.Equal("read", call.Kind);
        Assert.Equal("pending", call.Status);
        Assert.Equal(Path.Combine(_root.FullName, "a.txt"), Assert.Single(call.Locations!).Path);
        Assert.Contains("a.txt", call.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void APathOutsideTheWorkspaceGetsNoLocation()
    {
        var call = Assert.IsType<ToolCallStart>(Assert.Single(Updates().Of(new ToolCallRequested("c1", "read_file", "{\"path\":\"../../etc/passwd\"}", "native"))));
        Assert.Null(call.Locations);
    }

    [Fact]
    public void KindsComeFromTheEffect()
    {
        Assert.Equal("edit", AcpUpdates.Kind(new WritePath("a", true)));
        Assert.Equal("execute", AcpUpdates.Kind(new RunCommand("ls")));
        Assert.Equal("fetch", AcpUpdates.Kind(new Network("http://127.0.0.1:1")));
        Assert.Equal("think", AcpUpdates.Kind(ToolEffect.None));
        Assert.Equal("other", AcpUpdates.Kind(ToolEffect.Unknown));
        var title = AcpUpdates.Title("shell", new RunCommand("rm -rf \u001bx\nnext"));
        Assert.StartsWith("Run: rm -rf ", title, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", title, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", title, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedToolIsFailedWithItsOutput()
    {
        var update = Assert.IsType<ToolCallProgress>(Assert.Single(Updates().Of(new ToolResult("c1", "read_file", "no such file", true))));
        Assert.Equal("failed", update.Status);
        Assert.Equal("no such file", Assert.Single(update.Content!).Content!.Text);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
