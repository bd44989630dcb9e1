using System.Text.RegularExpressions;

namespace Sov.Tests.Guard;

/// <summary>
/// CI stop 24 (the run ran out its 90 minutes in a test host that never finished): a wait in the tests on a process
/// has a bound. A test starts programs through <c>ChildProcess</c> (killed past its timeout, its output waited for a
/// short grace only) and <c>dotnet</c> through <c>DotnetCommand</c> (no build server or node left holding a pipe,
/// which CI's environment, unlike the local one, does not switch off); an unbounded <c>WaitForExit()</c> or a read to
/// the end of a child's output is refused here.
/// </summary>
public sealed partial class TestWaitsAreBoundedTests
{
    [GeneratedRegex(@"\.WaitForExit\(\)|\.WaitForExitAsync\(\)|\.Standard(Output|Error)\.ReadToEnd\(\)")]
    private static partial Regex UnboundedWait();

    [GeneratedRegex(@"ProcessStartInfo\(\s*""dotnet""")]
    private static partial Regex DotnetStart();

    [Fact]
    public void NoTestWaitsOnAProcessWithoutABound()
    {
        var found = Hits(UnboundedWait(), except: null);
        Assert.True(found.Count == 0, "unbounded waits on a process (use Sov.TestKit.ChildProcess):\n" + string.Join('\n', found));
    }

    [Fact]
    public void DotnetIsStartedOnlyThroughDotnetCommand()
    {
        var found = Hits(DotnetStart(), except: "DotnetCommand.cs");
        Assert.True(found.Count == 0, "dotnet started directly (use Sov.TestKit.DotnetCommand):\n" + string.Join('\n', found));
    }

    private static List<string> Hits(Regex pattern, string? except)
    {
        var tests = Path.Combine(Sov.TestKit.SovBinary.RepositoryRoot, "tests");
        return [.. Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != except && Path.GetFileName(f) != "TestWaitsAreBoundedTests.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => pattern.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(tests, l.File)}:{l.Line}: {l.Text.Trim()}")];
    }
}
