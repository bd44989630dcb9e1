using Sov.Borders.FileSystem;
using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Sessions;

namespace Sov.Tests.Files;

/// <summary>Issue #12.6: Sovereign's state was created 0644 in 0755 folders, readable by every user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;
    private readonly string _home = Directory.CreateTempSubdirectory("sov-private-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void EverythingSovereignCreatesIsTheUsersAlone()
    {
        using (var journal = Journal.Start(Path.Combine(_home, "journal"), Audit.JournalFixture.Info))
        {
            new BodyStore(JournalFiles.BodiesDir(Path.Combine(_home, "journal"))).Put("{}"u8);
        }

        using (SessionFile.Create(Path.Combine(_home, "sessions"), "/w", "m", DateTimeOffset.UnixEpoch))
        {
        }

        AtomicFile.Write(Path.Combine(_home, "x.json"), "{}"u8, createMode: PrivateFiles.File600);
        foreach (var entry in Directory.EnumerateFileSystemEntries(_home, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(entry) & GroupOrOther) == 0, $"{entry}: {File.GetUnixFileMode(entry)}");
        }
    }

    [Fact]
    public void OpenStateIsTightenedOnceAndClosedStateIsLeftAlone()
    {
        var state = Directory.CreateDirectory(Path.Combine(_home, "state", "sessions")).Parent!.FullName;
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(state, "sessions", "s.jsonl"), "secret");
        File.SetUnixFileMode(Path.Combine(state, "sessions", "s.jsonl"), (UnixFileMode)0b110_100_100);
        Assert.Equal(3, PrivateFiles.Tighten(new NativeFileSystem(), [state]));
        Assert.Equal(0, PrivateFiles.Tighten(new NativeFileSystem(), [state]));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(state, "sessions", "s.jsonl")));
    }
}
