using System.Diagnostics;
using System.Globalization;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// #13.8: a 50 MB SSE line cost 717 MB of memory. The published binary now stops at the 16 MiB line cap;
/// its peak resident size (GNU time's %M) stays far below the line's size.
/// </summary>
public sealed class StreamFaultMemoryTests
{
    [Fact]
    public async Task AFiftyMegabyteLineCostsFarLessThanItsSize()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/time"), "GNU time is not installed");
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Fallback = ScriptedResponse.Text("a").WithHugeLine(50L * 1024 * 1024);
        var workspace = Directory.CreateTempSubdirectory("sov-exec-ws-");
        var peakFile = Path.Combine(workspace.FullName, "..", $"{workspace.Name}.peak");
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = workspace.FullName };
        foreach (var arg in new[] { "-f", "%M", "-o", peakFile, SovBinary.Path, "exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "hi" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = Directory.CreateTempSubdirectory("sov-home-").FullName;
        try
        {
            var result = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(60), "sov exec (huge line)", TestContext.Current.CancellationToken);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("stream line over 16 MiB", result.Stderr, StringComparison.Ordinal);
            var peakKiB = long.Parse(File.ReadAllLines(peakFile).Last(l => l.Length > 0).Trim(), CultureInfo.InvariantCulture);
            Assert.True(peakKiB < 160 * 1024, $"peak resident size {peakKiB / 1024} MiB");
        }
        finally
        {
            File.Delete(peakFile);
            workspace.Delete(recursive: true);
        }
    }
}
