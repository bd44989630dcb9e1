using Sov.Borders.FileSystem;
using Sov.Core.Files;

namespace Sov.Tests.Files;

/// <summary>
/// Issue #13 item 2: two writers of one file. The check "still as it was read?" and the rename happen under the
/// folder's lock, so a stale change is refused with "changed by another process; read it again", never written
/// over the other writer's change.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConcurrentWriteTests : IDisposable
{
    private readonly TempTree _tree = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _tree.Dispose();

    private FileEditor Editor() => new(new Workspace(_tree.Root, new NativeFileSystem()));

    [Fact]
    public async Task AStaleEditIsRefusedAndTheOtherKept()
    {
        File.WriteAllText(_tree.In("a.txt"), "one\ntwo\nthree\n");
        var first = await Editor().PrepareEditAsync("a.txt", "one", "ONE", false, Ct);
        var second = await Editor().PrepareEditAsync("a.txt", "three", "THREE", false, Ct);

        Editor().Apply(first, null, "edit_file");
        var e = Assert.Throws<WorkspaceException>(() => Editor().Apply(second, null, "edit_file"));

        Assert.Contains("changed by another process", e.Message, StringComparison.Ordinal);
        Assert.Contains("Read it again", e.Message, StringComparison.Ordinal);
        Assert.Equal("ONE\ntwo\nthree\n", File.ReadAllText(_tree.In("a.txt")));
    }

    [Fact]
    public async Task ANewFileCreatedMeanwhileIsNotOverwritten()
    {
        var mine = await Editor().PrepareWriteAsync("new.txt", "mine\n", Ct);
        var theirs = await Editor().PrepareWriteAsync("new.txt", "theirs\n", Ct);

        Editor().Apply(theirs, null, "write_file");
        var e = Assert.Throws<WorkspaceException>(() => Editor().Apply(mine, null, "write_file"));

        Assert.Contains("changed by another process", e.Message, StringComparison.Ordinal);
        Assert.Equal("theirs\n", File.ReadAllText(_tree.In("new.txt")));
    }

    [Fact]
    public async Task ManyWritersAtOnceLoseNothing()
    {
        // Each writer has its own workspace object (its own descriptors, so its own flock), as separate
        // processes would; all prepare from the same content, then apply together.
        const int writers = 16;
        File.WriteAllText(_tree.In("shared.txt"), string.Concat(Enumerable.Range(0, writers).Select(i => $"line {i}.\n")));
        var changes = new List<PreparedChange>();
        for (var i = 0; i < writers; i++)
        {
            changes.Add(await Editor().PrepareEditAsync("shared.txt", $"line {i}.", $"edited {i}.", false, Ct));
        }

        using var start = new Barrier(writers);
        var outcomes = await Task.WhenAll(changes.Select(change => Task.Factory.StartNew(() =>
        {
            var editor = Editor();
            start.SignalAndWait(Ct);
            try
            {
                editor.Apply(change, null, "edit_file");
                return true;
            }
            catch (WorkspaceException e) when (e.Message.Contains("changed by another process", StringComparison.Ordinal))
            {
                return false;
            }
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        var text = File.ReadAllText(_tree.In("shared.txt"));
        var present = Enumerable.Range(0, writers).Where(i => text.Contains($"edited {i}.", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, outcomes.Count(applied => applied)); // all prepared from one version: exactly one may win
        Assert.Equal(Enumerable.Range(0, writers).Where(i => outcomes[i]), present);
    }
}
