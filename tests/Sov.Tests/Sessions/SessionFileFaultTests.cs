using System.Text;
using Microsoft.Extensions.AI;
using Sov.Core.Audit;
using Sov.Core.Sessions;
using Sov.Tests.Audit;

namespace Sov.Tests.Sessions;

/// <summary>
/// Session files under faults: a turn's records land whole or not at all on a full disk (#13.1), a new file
/// appears whole or not at all under its own id, and a torn last line is cut on resume, kept aside and
/// reported, so the next prompt starts on a line of its own and none is lost silently (#13.3).
/// </summary>
public sealed class SessionFileFaultTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-sessions-").FullName;
    private FailingStream? _stream;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ChatMessage User(string text) => new(ChatRole.User, text);

    private static ChatMessage Assistant(string text) => new(ChatRole.Assistant, text);

    private SessionFile Create(long budget = 1 << 20) =>
        SessionFile.Create(_dir, "/w", "m", Now, null, s => _stream = new FailingStream(s, budget));

    [Fact]
    public void ATurnThatDoesNotFitIsNotSavedAtAllAndTheFileStaysReadable()
    {
        using var file = Create();
        file.Append([User("one"), Assistant("first answer")]);
        var before = File.ReadAllBytes(file.Path);
        _stream!.Budget = 100;

        var error = Assert.Throws<StateWriteException>(() => file.Append([User("two"), Assistant(new string('x', 5000))]));

        Assert.True(error.DiskFull);
        Assert.Contains("session file", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(file.Path));
        _stream.Budget = 1 << 20; // space freed: the next save lands on a line of its own
        file.Append([User("three")]);
        var loaded = SessionFile.Load(file.Path);
        Assert.Empty(loaded.Warnings);
        Assert.Equal(["one", "first answer", "three"], loaded.Messages.Select(m => m.Text));
    }

    [Fact]
    public void ASessionThatCannotGetItsHeaderLeavesNoFile()
    {
        Assert.Throws<StateWriteException>(() => Create(budget: 20));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ATakenIdIsNeverReused()
    {
        var draws = new Queue<string>(["20260101-000000-aaaaaa", "20260101-000000-aaaaaa", "20260101-000000-bbbbbb"]);
        using var first = SessionFile.Create(_dir, "/w", "m", Now, null, null, _ => draws.Dequeue());
        using var second = SessionFile.Create(_dir, "/w", "m", Now, null, null, _ => draws.Dequeue());
        Assert.Equal("20260101-000000-bbbbbb", second.Id);
        Assert.Equal(["20260101-000000-aaaaaa", "20260101-000000-bbbbbb"], SessionFile.List(_dir).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATornLastLineIsCutKeptAsideAndItsPromptReported()
    {
        string path;
        using (var file = Create())
        {
            path = file.Path;
            file.Append([User("one"), Assistant("first answer")]);
            file.Append([User("fix the bug in parser.c please")]);
        }

        var whole = File.ReadAllBytes(path);
        var lastStart = Array.LastIndexOf(whole, (byte)'\n', whole.Length - 2) + 1;
        var cut = Encoding.UTF8.GetString(whole).LastIndexOf("parser", StringComparison.Ordinal) + "parser".Length;
        var torn = whole[..cut];
        File.WriteAllBytes(path, torn); // a crash mid-save: the last record without its end

        var (resumed, history) = SessionFile.Resume(path);
        using (resumed)
        {
            Assert.Equal(["one", "first answer"], history.Messages.Select(m => m.Text));
            Assert.NotNull(history.Torn);
            Assert.Contains("fix the bug in parser", history.Torn.DroppedPrompt, StringComparison.Ordinal);
            var warning = Assert.Single(history.Warnings);
            Assert.Contains("fix the bug in parser", warning, StringComparison.Ordinal);
            Assert.Equal(torn[lastStart..], File.ReadAllBytes(history.Torn.KeptAt));
            resumed.Append([User("two"), Assistant("second answer")]);
        }

        var after = SessionFile.Load(path);
        Assert.Empty(after.Warnings);
        Assert.Equal(["one", "first answer", "two", "second answer"], after.Messages.Select(m => m.Text));
    }

    [Fact]
    public void AWholeLastRecordMissingOnlyItsNewlineIsKeptAndTheNextStartsOnANewLine()
    {
        string path;
        using (var file = Create())
        {
            path = file.Path;
            file.Append([User("one"), Assistant("first answer")]);
        }

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);
        var (resumed, history) = SessionFile.Resume(path);
        using (resumed)
        {
            Assert.Null(history.Torn);
            Assert.Empty(history.Warnings);
            resumed.Append([User("two")]);
        }

        Assert.Equal(["one", "first answer", "two"], SessionFile.Load(path).Messages.Select(m => m.Text));
    }

    [Fact]
    public void AnUnreadableLineInTheMiddleIsReportedNotSilentlySkipped()
    {
        string path;
        using (var file = Create())
        {
            path = file.Path;
            file.Append([User("one")]);
        }

        File.AppendAllText(path, "{\"type\":\"message\",\"mess{\"type\":\"message\"}\n", Encoding.UTF8);
        var loaded = SessionFile.Load(path);
        Assert.Contains(loaded.Warnings, w => w.Contains("line 3", StringComparison.Ordinal));
    }
}
