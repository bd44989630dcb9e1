using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;
using Sov.Tests.Headless;
using Sov.Tests.Tools;

namespace Sov.Tests.Cli.Interactive;

/// <summary>#14: the turn view previews a change from what the call says it writes, not from the tool's name.</summary>
public sealed class TurnViewPreviewTests : IDisposable
{
    private readonly Workspace _workspace = new(Directory.CreateTempSubdirectory("sov-ws-").FullName, new NativeFileSystem());

    public void Dispose() => Directory.Delete(_workspace.Root, recursive: true);

    private string Shown(ToolRegistry tools, string name, string arguments)
    {
        var screen = new StringWriter();
        new TurnView(new TerminalSurface(screen, false, () => 80), _workspace, tools).Show(new ToolCallRequested("c", name, arguments, "native"));
        return InertOutput.WithoutOwnSequences(screen.ToString());
    }

    [Fact]
    public void ANewToolThatDeclaresAWriteIsPreviewedAsADiff()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "notes.txt"), "old line\n");

        var shown = Shown(new ToolRegistry([new Put()]), "mcp__fs__put", """{"target":"notes.txt","text":"new line\n"}""");

        Assert.Contains("+++ b/notes.txt", shown, StringComparison.Ordinal);
        Assert.Contains("-old line", shown, StringComparison.Ordinal);
        Assert.Contains("+new line", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuiltInWritesArePreviewedAndOtherCallsAreNot()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "a.txt"), "one\n");
        var tools = SessionTools.For(_workspace);

        Assert.Contains("+two", Shown(tools, "edit_file", """{"path":"a.txt","old_string":"one","new_string":"two"}"""), StringComparison.Ordinal);
        Assert.Contains("+++ b/b.txt", Shown(tools, "write_file", """{"path":"b.txt","content":"x\n"}"""), StringComparison.Ordinal);
        Assert.DoesNotContain("+++", Shown(tools, "read_file", """{"path":"a.txt"}"""), StringComparison.Ordinal);
        Assert.DoesNotContain("+++", Shown(new ToolRegistry(), "write_file", """{"path":"a.txt","content":"x"}"""), StringComparison.Ordinal);
    }

    /// <summary>A writing tool with a name and parameters of its own.</summary>
    private sealed class Put : ITool, IPreviewsChange
    {
        public string Name => "mcp__fs__put";
        public string Description => "";
        public ToolSchema Schema { get; } = new(
            new ToolParameter("target", ToolParameterType.String, "", Required: true),
            new ToolParameter("text", ToolParameterType.String, "", Required: true));
        public bool IsReadOnly => false;
        public ToolEffect EffectOf(ToolArguments arguments) => new WritePath(arguments.GetString("target") ?? "", Creates: true);
        public string? After(ToolArguments arguments, string? before) => arguments.GetString("text");
        public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ToolOutput.Ok(""));
    }
}
