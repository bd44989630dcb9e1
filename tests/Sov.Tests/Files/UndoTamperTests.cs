using Sov.Borders.FileSystem;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sov.Core;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files;

/// <summary>Issue #12.7: undo trusted the checkpoint manifest (a before_blob of /etc/shadow, a mode of 0666).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UndoTamperTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly CheckpointStore _store;

    public UndoTamperTests()
    {
        _ws = new Workspace(_tree.Root, new NativeFileSystem());
        _store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
    }

    public void Dispose() => _tree.Dispose();

    private string Turn(Action<JsonObject> edit)
    {
        File.WriteAllText(_tree.In("a.txt"), "before");
        var turn = _store.BeginTurn();
        var snapshot = FileSnapshot.Take(_ws);
        File.WriteAllText(_tree.In("a.txt"), "after");
        turn.AfterShell(snapshot);
        turn.Commit();
        var manifest = Directory.EnumerateFiles(Path.Combine(_store.Directory, "turns")).Single();
        var json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        edit(json["entries"]![0]!.AsObject());
        File.WriteAllText(manifest, json.ToJsonString());
        return manifest;
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void ABlobNotNamedByItsHashInsideTheStoreIsNotRestored(string blob)
    {
        Turn(e => e["before_blob"] = blob);
        var report = Undo.Last(_store)!;
        Assert.Equal("after", File.ReadAllText(_tree.In("a.txt")));
        Assert.Single(report.Skipped);
        Assert.Empty(report.Restored);
    }

    [Fact]
    public void AnAlteredBlobIsNotRestored()
    {
        Turn(e => File.WriteAllText(Path.Combine(_store.Directory, "blobs", e["before_blob"]!.GetValue<string>()), "planted"));
        var report = Undo.Last(_store)!;
        Assert.Equal("after", File.ReadAllText(_tree.In("a.txt")));
        Assert.Single(report.Skipped);
    }

    [Theory]
    [InlineData(0b110_110_110, 0b000_010_010, 0b110_100_100)]   // 0666 under umask 022: 0644
    [InlineData(0b111_111_111 | 0b100_000_000_000, 0b000_000_010, 0b111_111_101)] // setuid 4777 under 002: 0775
    [InlineData(0b110_100_000, 0b000_010_010, 0b110_100_000)]   // 0640 stays
    public void ARestoredModeStaysWithinTheUmask(int recorded, int umask, int expected)
    {
        Turn(e => e["before_mode"] = recorded);
        Undo.Last(_store, umask);
        Assert.Equal("before", File.ReadAllText(_tree.In("a.txt")));
        Assert.Equal((UnixFileMode)expected, File.GetUnixFileMode(_tree.In("a.txt")));
    }

    [Fact]
    public void AManifestForAnotherWorkspaceIsRefused()
    {
        var manifest = Turn(_ => { });
        var json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        json["workspace"] = "/etc";
        File.WriteAllText(manifest, json.ToJsonString());
        Assert.Throws<SovException>(() => Undo.Last(_store));
        Assert.Equal("after", File.ReadAllText(_tree.In("a.txt")));
    }
}
