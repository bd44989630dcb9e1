using System.Diagnostics;
using Sov.TestKit;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// The published binary's <c>sov exec</c> against every fault of <see cref="StreamFaultCatalogue"/> (#13.4, #13.5,
/// #13.8): the documented exit code, a plain one-line message, no crash, no framework resource key, and no hang
/// (each run must end well inside its timeout).
/// </summary>
public sealed class StreamFaultTests
{
    [Theory]
    [MemberData(nameof(StreamFaultCatalogue.Names), MemberType = typeof(StreamFaultCatalogue))]
    public async Task EachFaultEndsWithItsExitCodeAndAPlainMessage(string name)
    {
        var fault = StreamFaultCatalogue.Find(name);
        await using var h = await ExecHarness.StartAsync();
        fault.Arrange(h.Server);
        var clock = Stopwatch.StartNew();

        var result = await h.ExecAsync([.. fault.Arguments, "do the task"], environment: fault.Environment);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"{name} took {clock.Elapsed}");
        Assert.True(fault.Exit == result.ExitCode, $"{name}: exit {result.ExitCode}, expected {fault.Exit}\n{result.Stderr}");
        Assert.Contains(fault.Message, result.Stderr, StringComparison.Ordinal);
        AssertPlain(result);
        if (fault.Exit != 0)
        {
            // One line of what went wrong (then one of what to do).
            Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("sov: ", StringComparison.Ordinal) && !l.StartsWith("sov: warning:", StringComparison.Ordinal));
        }

        if (fault.Stdout is { } stdout)
        {
            Assert.Equal(stdout, result.Stdout.Trim());
        }

        if (fault.Requests is { } requests)
        {
            Assert.Equal(requests, h.Server.ChatRequests.Count);
        }

        if (fault.Written is { } written)
        {
            Assert.Equal(written.Length, new FileInfo(Path.Combine(h.Workspace.FullName, written.Path)).Length);
        }
    }

    internal static void AssertPlain(SovResult result)
    {
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("net_http", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("IO_", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }
}
