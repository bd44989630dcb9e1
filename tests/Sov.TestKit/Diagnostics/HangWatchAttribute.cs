using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Xunit;
using Xunit.v3;

namespace Sov.TestKit.Diagnostics;

/// <summary>
/// Names the tests that are still running after two minutes, so a run that hangs says where (CI stop 24 ran out
/// its 90 minutes with no word of which test held it), and cancels a test that outlives its budget, so a wait on
/// the test's cancellation token fails the test instead of holding the run. Applied to a whole test assembly.
/// The budget is <c>SOV_TEST_BUDGET_MINUTES</c>: 15 unless set, over the slowest test on a busy machine and under
/// the 45 minutes of <c>.ci/run</c>'s watchdog. When <c>SOV_HANG_REPORT</c> names a file, every 30 seconds it is
/// rewritten with the tests running longer than two minutes, oldest first, and the processes this test host
/// started (an empty file when no test runs long); <c>.ci/run</c> prints it if the run outlasts its watchdog.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HangWatchAttribute : BeforeAfterTestAttribute
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, (string Name, long Started, ITestContext Context)> Running = new();
    private static readonly ConcurrentDictionary<string, bool> Cancelled = new();
    private static readonly Lazy<Timer> Watcher = new(Start);

    /// <summary>How long one test may run before its cancellation token is cancelled.</summary>
    public static TimeSpan Budget { get; } = ReadBudget();

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running[test.UniqueID] = (test.TestDisplayName, Stopwatch.GetTimestamp(), TestContext.Current);
        _ = Watcher.Value;
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running.TryRemove(test.UniqueID, out _);
        Cancelled.TryRemove(test.UniqueID, out _);
    }

    private static Timer Start()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Check(); // a host that ends leaves no stale report behind
        return new Timer(_ => Check(), null, Tick, Tick);
    }

    private static TimeSpan ReadBudget() =>
        double.TryParse(Environment.GetEnvironmentVariable("SOV_TEST_BUDGET_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : TimeSpan.FromMinutes(15);

    private static void Check()
    {
        var running = Running.ToArray()
            .Select(t => (Id: t.Key, t.Value.Name, t.Value.Context, Elapsed: Stopwatch.GetElapsedTime(t.Value.Started)))
            .ToList();
        foreach (var test in running.Where(t => t.Elapsed > Budget && Cancelled.TryAdd(t.Id, true)))
        {
            try
            {
                test.Context.CancelCurrentTest();
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // it ended in the meantime
            }
        }

        if (Environment.GetEnvironmentVariable("SOV_HANG_REPORT") is { Length: > 0 } path)
        {
            Write(path, running.Where(t => t.Elapsed > Long).OrderByDescending(t => t.Elapsed)
                .Select(t => $"{t.Name} running for {(int)t.Elapsed.TotalSeconds} s{(Cancelled.ContainsKey(t.Id) ? $" (cancelled: over its {Budget.TotalMinutes:0} min budget)" : "")}")
                .ToList());
        }
    }

    private static void Write(string path, IReadOnlyList<string> longest)
    {
        var name = AppDomain.CurrentDomain.FriendlyName;
        var lines = longest.Select(l => $"{name}: {l}").ToList();
        if (lines.Count > 0)
        {
            lines.AddRange(ChildProcesses.Of(Environment.ProcessId).Select(p => $"{name}: child {p}"));
        }

        try
        {
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllLines(temp, lines);
            File.Move(temp, $"{path}.{name}", overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A report that cannot be written this time is written at the next tick.
        }
    }
}
