using Sov.Core.Agent.Events;
using Sov.Borders.FileSystem;
using System.Text.Json;
using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.Tests.Files;

namespace Sov.Tests.Tools.Editing;

/// <summary>The four writing tools over a real workspace and the real sandbox.</summary>
public sealed class EditingToolsTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly BorderServices _services;
    private readonly ToolContext _context;

    public EditingToolsTests()
    {
        var ws = new Workspace(_tree.Root, new NativeFileSystem());
        var settings = new SandboxSettings(ws.Root, null, new Dictionary<string, string> { ["PATH"] = SandboxEnvironment.FallbackPath });
        _services = new BorderServices(ws, new BubblewrapShell(settings, new ProcessRunner()),
            new UndoRecorder(new CheckpointStore(Path.Combine(_tree.Base, "state"), ws)));
        _context = new ToolContext(ws);
    }

    public void Dispose() => _tree.Dispose();

    private Task<ToolOutput> Run(string name, object args) => Run(_services, name, args);

    private Task<ToolOutput> Run(BorderServices services, string name, object args)
    {
        var tool = services.Tools().Single(t => t.Name == name);
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(args));
        return tool.ExecuteAsync(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement), _context, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FileWritesAndShellCommandsAreRecordedForTheJournal()
    {
        var records = new List<Sov.Core.Audit.IJournalRecord>();
        var services = new BorderServices(_services.Workspace, _services.Shell, _services.Undo, records.Add);

        await Run(services, "write_file", new { path = "j.txt", content = "one\n" });
        await Run(services, "edit_file", new { path = "j.txt", old_string = "one", new_string = "two" });
        await Run(services, "shell", new { command = "true" });

        var writes = records.OfType<Sov.Core.Audit.Records.FileWriteRecord>().ToList();
        Assert.Equal(2, writes.Count);
        Assert.Null(writes[0].BeforeSha256);
        Assert.Equal(writes[0].AfterSha256, writes[1].BeforeSha256);
        Assert.NotEqual(writes[1].BeforeSha256, writes[1].AfterSha256);
        var shell = Assert.Single(records.OfType<Sov.Core.Audit.Records.ShellCommandRecord>());
        Assert.Equal(["bash", "--noprofile", "--norc", "-c", "true"], shell.Argv);
        Assert.Equal(0, shell.ExitCode);
    }

    [Fact]
    public async Task WriteThenEditThenShellAndUndoEverything()
    {
        Assert.False((await Run("write_file", new { path = "src/a.txt", content = "one\ntwo\n" })).IsError);
        var edit = await Run("edit_file", new { path = "src/a.txt", old_string = "two", new_string = "TWO" });
        Assert.False(edit.IsError, edit.Text);
        var shell = await Run("shell", new { command = "echo three >> src/a.txt && echo hi" });
        Assert.False(shell.IsError, shell.Text);
        Assert.StartsWith("exit code 0\nhi", shell.Text, StringComparison.Ordinal);
        Assert.Contains("[files changed in the workspace: src/a.txt]", shell.Text, StringComparison.Ordinal);
        Assert.Equal("one\nTWO\nthree\n", File.ReadAllText(_tree.In("src/a.txt")));
        _services.Undo.EndTurn();
        Undo.Last(_services.Undo.Store);
        Assert.False(File.Exists(_tree.In("src/a.txt")));
    }

    [Fact]
    public async Task HiddenCharactersAreRefusedWhenNobodyCanApprove()
    {
        var r = await Run("write_file", new { path = "a.cs", content = "var s = \"\u202Eevil\";" });
        Assert.True(r.IsError);
        Assert.Contains("U+202E", r.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(_tree.In("a.cs")));
    }

    [Fact]
    public async Task HiddenCharactersAreWrittenWhenThePersonApproves()
    {
        // #14: the tool asks through its context (the session turns it into an approval_requested event of kind hidden_text).
        string? asked = null;
        string? shown = null;
        ApprovalKind? kind = null;
        var context = _context with
        {
            AskAsync = (k, reason, text, _) => { (kind, asked, shown) = (k, reason, text); return Task.FromResult(true); },
        };
        var tool = _services.Tools().Single(t => t.Name == "write_file");
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new { path = "b.md", content = "a\u200Bb" }));
        var r = await tool.ExecuteAsync(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement), context, TestContext.Current.CancellationToken);
        Assert.False(r.IsError, r.Text);
        Assert.Equal(ApprovalKind.HiddenText, kind);
        Assert.Contains("U+200B", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200B", shown, StringComparison.Ordinal); // revealed, never hidden
        Assert.Equal("a\u200Bb", File.ReadAllText(_tree.In("b.md")));
    }

    [Fact]
    public async Task EditErrorsHelpTheModelRetry()
    {
        File.WriteAllText(_tree.In("x.txt"), "a\na\n");
        // The agent loop turns a WorkspaceException into an error result for the model.
        var e = await Assert.ThrowsAsync<WorkspaceException>(() => Run("edit_file", new { path = "x.txt", old_string = "a", new_string = "b" }));
        Assert.Contains("replace_all", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShellFailuresCarryTheExitCode()
    {
        var r = await Run("shell", new { command = "echo out; exit 3", timeout_seconds = 5 });
        Assert.True(r.IsError);
        Assert.StartsWith("exit code 3", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TodoKeepsAndShowsThePlan()
    {
        var r = await Run("todo", new { items = new object[] { new { content = "read", status = "completed" }, new { content = "fix", status = "in_progress" }, "test" } });
        Assert.False(r.IsError, r.Text);
        Assert.Equal("[x] read\n[>] fix\n[ ] test", _services.Todos.Render());
        Assert.True((await Run("todo", new { items = new object[] { new { content = "x", status = "maybe" } } })).IsError);
    }
}
