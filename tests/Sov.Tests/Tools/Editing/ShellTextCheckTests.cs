using System.Text.Json;
using Sov.Borders.FileSystem;
using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.Tests.Files;

namespace Sov.Tests.Tools.Editing;

/// <summary>
/// #21: files a shell command changed in the workspace are checked by the text border as write_file's text is; the
/// findings (file, category, position) reach the result the model sees, the person (a warning) and the journal. A clean
/// command reports nothing; a huge sparse file, a FIFO or a link the command leaves is never read.
/// </summary>
public sealed class ShellTextCheckTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly List<IJournalRecord> _records = [];
    private readonly List<string> _warnings = [];
    private readonly BorderServices _services;
    private readonly ToolContext _context;

    public ShellTextCheckTests()
    {
        var ws = new Workspace(_tree.Root, new NativeFileSystem());
        var settings = new SandboxSettings(ws.Root, null, new Dictionary<string, string> { ["PATH"] = SandboxEnvironment.FallbackPath });
        _services = new BorderServices(ws, new BubblewrapShell(settings, new ProcessRunner()),
            new UndoRecorder(new CheckpointStore(Path.Combine(_tree.Base, "state"), ws)), _records.Add);
        _context = new ToolContext(ws) { OnWarning = _warnings.Add };
    }

    public void Dispose() => _tree.Dispose();

    private async Task<ToolOutput> Shell(string command)
    {
        var tool = _services.Tools().Single(t => t.Name == "shell");
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new { command, timeout_seconds = 60 }));
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(TimeSpan.FromMinutes(2));
        return await tool.ExecuteAsync(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement), _context, bounded.Token);
    }

    [Fact]
    public async Task ABidiOverrideACommandWritesIntoAScriptIsReportedJournaledAndShown()
    {
        var r = await Shell("printf 'var a = 1;\\nvar s = \"\\342\\200\\256evil\";\\nvar z\\342\\200\\213w = 2;\\n' > app.js");

        Assert.False(r.IsError, r.Text);
        Assert.Contains("app.js line 2, column 10: U+202E bidi", r.Text, StringComparison.Ordinal);
        Assert.Contains("U+200B zero-width", r.Text, StringComparison.Ordinal);
        Assert.Contains("sov scan --no-suppress --fix 'app.js'", r.Text, StringComparison.Ordinal); // quoted (#21)
        Assert.DoesNotContain("\u202E", r.Text, StringComparison.Ordinal);
        var shown = Assert.Single(_warnings);
        Assert.Contains("app.js line 2", shown, StringComparison.Ordinal);
        var records = _records.OfType<ShellTextFindingRecord>().ToList();
        Assert.Contains(records, f => f is { Path: "app.js", Category: "bidi", CodePoint: "U+202E", Line: 2, Column: 10 });
        Assert.Contains(records, f => f is { Path: "app.js", Category: "zero-width", CodePoint: "U+200B" });
    }

    [Fact]
    public async Task ACleanCommandReportsNothing()
    {
        var r = await Shell("printf 'var a = 1;\\n' > app.js && echo ok");

        Assert.False(r.IsError, r.Text);
        Assert.DoesNotContain("hidden", r.Text, StringComparison.Ordinal);
        Assert.Empty(_warnings);
        Assert.Empty(_records.OfType<ShellTextFindingRecord>());
    }

    [Fact]
    public async Task AHugeSparseFileAFifoAndALinkOutAreNeverRead()
    {
        var r = await Shell("truncate -s 1G big.js && mkfifo pipe.js && ln -s /dev/zero zero.js && printf '\\342\\200\\256' >> big.js");

        Assert.False(r.IsError, r.Text);
        Assert.Empty(_records.OfType<ShellTextFindingRecord>());
        Assert.Empty(_warnings);
    }
}
