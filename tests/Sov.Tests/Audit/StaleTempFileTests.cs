using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>
/// Review of #13: a journal or session file whose creation was killed before its rename leaves <c>.NAME.8hex.tmp</c>;
/// the next creation in that folder removes such leftovers, never one a live creation still holds, never another name.
/// </summary>
public sealed class StaleTempFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-stale-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ACreationRemovesKilledCreationsTempFilesOnly()
    {
        var killed = Write(".2026-12-01-abc.jsonl.0123abcd.tmp");
        var live = Write(".2026-12-01-def.jsonl.89abcdef.tmp");
        var foreign = Write(".notes.tmp");
        var near = Write(".x.jsonl.0123ABCD.tmp");
        var fresh = Write(".2026-12-01-ghi.jsonl.44444444.tmp", age: TimeSpan.Zero); // its creator may not have locked it yet
        using (new FileStream(live, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            Journal.Start(_dir, JournalFixture.Info).Dispose();
        }

        Assert.False(File.Exists(killed));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(near));
        Assert.True(File.Exists(fresh));
    }

    private string Write(string name, TimeSpan? age = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "{\"seq\":1}\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - (age ?? TimeSpan.FromMinutes(5)));
        return path;
    }
}
