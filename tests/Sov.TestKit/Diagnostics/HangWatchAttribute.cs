using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

namespace Sov.TestKit.Diagnostics;

/// <summary>
/// Names the tests that are still running after two minutes, so a run that hangs says where (CI stop 24 ran out
/// its 90 minutes with no word of which test held it). Applied to a whole test assembly; when
/// <c>SOV_HANG_REPORT</c> names a file, every 30 seconds it is rewritten with the tests running longer than that,
/// oldest first (an empty file when none is), and <c>.ci/run</c> prints it if the run outlasts its watchdog.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HangWatchAttribute : BeforeAfterTestAttribute
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, (string Name, long Started)> Running = new();
    private static readonly Lazy<Timer?> Reporter = new(Start);

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running[test.UniqueID] = (test.TestDisplayName, Stopwatch.GetTimestamp());
        _ = Reporter.Value;
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running.TryRemove(test.UniqueID, out _);
    }

    private static Timer? Start()
    {
        var path = Environment.GetEnvironmentVariable("SOV_HANG_REPORT");
        return string.IsNullOrEmpty(path) ? null : new Timer(_ => Write(path), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private static void Write(string path)
    {
        var lines = Running.Values
            .Select(t => (t.Name, Elapsed: Stopwatch.GetElapsedTime(t.Started)))
            .Where(t => t.Elapsed > Long)
            .OrderByDescending(t => t.Elapsed)
            .Select(t => $"{AppDomain.CurrentDomain.FriendlyName}: {t.Name} running for {(int)t.Elapsed.TotalSeconds} s");
        try
        {
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllLines(temp, lines);
            File.Move(temp, $"{path}.{AppDomain.CurrentDomain.FriendlyName}", overwrite: true);
        }
        catch (IOException)
        {
            // A report that cannot be written this time is written at the next tick.
        }
    }
}
