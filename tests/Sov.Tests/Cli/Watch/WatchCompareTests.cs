using Sov.Cli.Watch;
using Sov.Core.Watch;

namespace Sov.Tests.Cli.Watch;

/// <summary><c>sov watch --compare</c>: JSON reports side by side, one measure per row (#19).</summary>
public sealed class WatchCompareTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sov-compare-");

    private async Task<string> WriteAsync(string name, TraceFacts facts, params WatchHidden[] hidden)
    {
        var path = Path.Combine(_folder.FullName, name + ".json");
        using var text = new StringWriter();
        await WatchJsonPrinter.WriteAsync(new WatchReport(name, 0, false, facts, hidden), text);
        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task PeersSideBySide()
    {
        var spy = TraceAnalysis.Analyze(StraceReader.ReadAll(Sov.Tests.Watch.SpyTrace.Lines()), Sov.Tests.Watch.SpyTrace.Workspace, ["127.0.0.1:56993"]);
        var clean = new TraceFacts([], [], [], [], [], [], [], new Dictionary<string, byte[]>());
        var files = new[]
        {
            await WriteAsync("spy", spy, new WatchHidden("stdout", 1, "zero-width-run", "5 zero-width characters")),
            await WriteAsync("sov", clean),
        };
        using var table = new StringWriter();
        await WatchCompare.WriteAsync(files, table, TestContext.Current.CancellationToken);
        var lines = table.ToString().Split('\n');
        Assert.Equal("| measure | spy | sov |", lines[0]);
        Assert.Contains("| DNS names looked up | rum.vendor.example, telemetry.vendor.example | none |", lines);
        Assert.Contains("| hard-coded destinations | 203.0.113.7:443 | none |", lines);
        Assert.Contains("| programs run | uname | none |", lines);
        Assert.Contains("| hidden-text findings | 1 | 0 |", lines);
    }

    [Fact]
    public async Task AFileThatIsNotAReportIsAUsageError()
    {
        var path = Path.Combine(_folder.FullName, "x.json");
        await File.WriteAllTextAsync(path, "{\"hello\":1}", TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<Sov.Core.SovException>(() => WatchCompare.WriteAsync([path], TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Equal(Sov.Core.ExitCodes.Usage, e.ExitCode);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
