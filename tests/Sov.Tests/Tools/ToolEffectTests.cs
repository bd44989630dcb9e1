using System.Text.Json;
using Sov.Borders.FileSystem;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;
using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Tools;

/// <summary>#14: each tool says what a call touches, worked out from its arguments; nothing is judged by the tool's name.</summary>
public sealed class ToolEffectTests
{
    private readonly ToolRegistry _tools = SessionTools.For(new Workspace(Path.GetTempPath(), new NativeFileSystem()));

    private ToolEffect Effect(string tool, object args)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(args));
        var found = _tools.Find(tool)!;
        return found.EffectOf(ArgumentCoercer.Coerce(found.Schema, doc.RootElement));
    }

    [Fact]
    public void ReadingToolsReadThePathTheyName()
    {
        Assert.Equal(new ReadPath("src/a.cs"), Effect("read_file", new { path = "src/a.cs", offset = 10 }));
        Assert.Equal(new ReadPath("src"), Effect("list_dir", new { path = "src" }));
        Assert.Equal(new ReadPath("docs"), Effect("glob", new { pattern = "**/*.md", path = "docs" }));
        Assert.Equal(new ReadPath("lib"), Effect("grep", new { pattern = "TODO", path = "lib", glob = "*.cs" }));
    }

    [Fact]
    public void SearchesWithoutAPathReadTheWholeWorkspace()
    {
        Assert.Equal(new ReadPath("."), Effect("glob", new { pattern = "*.cs" }));
        Assert.Equal(new ReadPath("."), Effect("grep", new { pattern = "x" }));
    }

    [Fact]
    public void WritingToolsWriteThePathTheyName()
    {
        Assert.Equal(new WritePath("src/new.cs", Creates: true), Effect("write_file", new { path = "src/new.cs", content = "x" }));
        Assert.Equal(new WritePath("README.md", Creates: false), Effect("edit_file", new { path = "README.md", old_string = "a", new_string = "b" }));
    }

    [Fact]
    public void TheShellRunsItsCommandAndThePlanTouchesNothing()
    {
        Assert.Equal(new RunCommand("git status && make"), Effect("shell", new { command = "git status && make" }));
        Assert.Same(ToolEffect.None, Effect("todo", new { items = new[] { new { content = "one", status = "pending" } } }));
    }

    [Fact]
    public void AnMcpToolCallsItsServer()
    {
        var tool = new McpTool(new NamedServer("github"), new McpToolInfo("create_issue", "", JsonDocument.Parse("{}").RootElement));

        Assert.Equal(new ExternalServer("github", "create_issue"), tool.EffectOf(ToolArguments.Empty));
        Assert.Equal("mcp", tool.EffectOf(ToolArguments.Empty).Kind);
    }

    [Fact]
    public void AToolThatSaysNothingIsJudgedAsBeforeEffects()
    {
        var path = new ToolArguments(new Dictionary<string, object> { ["path"] = "a.txt" });

        Assert.Same(ToolEffect.Unknown, ((ITool)new Silent(readOnly: false)).EffectOf(path));
        Assert.Equal(new ReadPath("a.txt"), ((ITool)new Silent(readOnly: true)).EffectOf(path));
        Assert.Equal(new ReadPath("."), ((ITool)new Silent(readOnly: true)).EffectOf(ToolArguments.Empty));
    }

    [Fact]
    public void WritingToolsTellTheResultBeforehand()
    {
        var write = (IPreviewsChange)_tools.Find("write_file")!;
        var edit = (IPreviewsChange)_tools.Find("edit_file")!;
        var args = new ToolArguments(new Dictionary<string, object> { ["path"] = "a", ["old_string"] = "b", ["new_string"] = "c", ["content"] = "new" });

        Assert.Equal("new", write.After(args, "old"));
        Assert.Equal("acb", edit.After(args, "abb"));
        Assert.Null(edit.After(args, "xyz"));
        Assert.Null(edit.After(args, null));
    }

    /// <summary>A tool that does not say what its calls touch.</summary>
    private sealed class Silent(bool readOnly) : ITool
    {
        public string Name => "silent";
        public string Description => "";
        public ToolSchema Schema { get; } = new();
        public bool IsReadOnly => readOnly;
        public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ToolOutput.Ok(""));
    }

    private sealed class NamedServer(string name) : IMcpServer
    {
        public string Name => name;
        public Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult(new McpToolList([], false));
        public Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken) =>
            Task.FromResult(new McpCallResult("", false));
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
