using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>
/// CI (#20): eight first starts in an empty journal folder could hold the start lock at once, because the lock file was
/// put in place by a rename that could replace one another start had just made and locked; each then began a chain of
/// its own. The lock file is now created with O_EXCL, and opened, never created, by the lock.
/// </summary>
public sealed class StartLockTests
{
    [Fact]
    public async Task TheStartLockIsExclusiveFromTheFirstStart()
    {
        var overlaps = 0;
        for (var round = 0; round < 50; round++)
        {
            var dir = Directory.CreateTempSubdirectory("sov-lockprobe-").FullName;
            var inside = 0;
            using var go = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                go.Wait(TimeSpan.FromSeconds(30));
                using var claim = JournalLock.ClaimStart(dir);
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.Sleep(2);
                Interlocked.Decrement(ref inside);
            }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            go.Set();
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            Directory.Delete(dir, true);
        }

        Assert.Equal(0, overlaps);
    }
}
