using System.Diagnostics;
using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd.Watch;

/// <summary>
/// #19: a watch stopped from outside (a CI job's timeout, Ctrl-C) stops the command's tree and still writes the report
/// of what it did until then, exit 130. A tool that hangs on its vendor's host must not leave an auditor with nothing.
/// </summary>
public sealed class WatchInterruptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task AStoppedWatchStillWritesItsReport(string signal)
    {
        var dir = Directory.CreateTempSubdirectory("sov-watch-stop-");
        try
        {
            var report = Path.Combine(dir.FullName, "report.json");
            var start = new ProcessStartInfo("/usr/bin/timeout") { WorkingDirectory = dir.FullName, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var a in new[] { "--preserve-status", "-s", signal, "3", SovBinary.Path, "watch", "--format", "json", "--out", report, "--", "/bin/sh", "-c", "uname -a; exec sleep 60" })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["SOV_HOME"] = Path.Combine(dir.FullName, "home");
            var clock = Stopwatch.StartNew();
            var run = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(60), "sov watch under timeout", Ct);

            Assert.True(run.ExitCode == 130, $"exit {run.ExitCode}\n{run.Stderr}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "the command's tree was not stopped");
            Assert.Contains("interrupted", run.Stderr, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, Ct));
            Assert.Contains("uname", json.RootElement.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
