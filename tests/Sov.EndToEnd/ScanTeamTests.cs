using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>#21: the published binary where teams run it: --staged in a pre-commit hook, --format github, baselines, a bad .sovscan.toml.</summary>
public sealed class ScanTeamTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sov-e2e-scanteam-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Join(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private Task<SovResult> Scan(params string[] args) => SovRun.RunAsync(["scan", .. args], workingDirectory: _root, cancellationToken: Ct);

    private async Task Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _root };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var result = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(30), "git " + string.Join(' ', args), Ct);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Stderr}");
    }

    [Fact]
    public async Task StagedScansTheIndexNotTheWorkTree()
    {
        await Git("init", "-q", ".");
        var none = await Scan("--staged");
        Assert.Equal(0, none.ExitCode); // a fresh repository with nothing staged
        Assert.Contains("0 file(s)", none.Stdout, StringComparison.Ordinal);

        Write("src/bad.cs", "var s = \"\u202E\";\n");
        Write("src/good.cs", "var s = 1;\n");
        await Git("add", "src/bad.cs", "src/good.cs");
        Write("src/good.cs", "var s = \"\u202E\"; // changed after staging: not in the commit\n");
        Write("src/bad.cs", "var s = 1; // fixed in the work tree only\n");
        var staged = await Scan("--staged", "--format", "json");
        Assert.Equal(1, staged.ExitCode);
        using var json = JsonDocument.Parse(staged.Stdout);
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Distinct().ToArray();
        Assert.Equal(["src/bad.cs"], paths);
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());

        await Git("add", "src/bad.cs", "src/good.cs");
        Write("src/good.cs", "var s = 1;\n");
        var after = await Scan("--staged");
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("src/good.cs:1:", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StagedOutsideARepositoryIsAUsageError()
    {
        var result = await Scan("--staged");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not inside a git work tree", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubFormatWritesEscapedWorkflowAnnotations()
    {
        Write("a,b.cs", "var s = \"\u202E\";\n");
        var result = await Scan("--format", "github");
        Assert.Equal(1, result.ExitCode);
        var line = result.Stdout.Split('\n').First(l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith("::error file=a%2Cb.cs,line=1,col=", line, StringComparison.Ordinal);
        Assert.Contains(",title=sov scan%3A critical bidi U+202E", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', result.Stdout);
    }

    [Fact]
    public async Task ABadSovscanTomlIsOneLineWithFileAndLineAndExitThree()
    {
        Write("a.cs", "var s = 1;\n");
        Write(".sovscan.toml", "[[suppress]]\npaths = [\"fixtures/**\"]\n");
        var result = await Scan();
        Assert.Equal(3, result.ExitCode);
        Assert.Contains(".sovscan.toml:1: this [[suppress]] entry needs a reason", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrittenBaselineSilencesTodayAndReportsOnlyNewFindings()
    {
        Write("a.cs", "int a = 1;\nvar s = \"x\u200By\";\n");
        var baseline = Path.Join(_root, "..", Path.GetFileName(_root) + ".json");
        try
        {
            var write = await Scan("--write-baseline", baseline);
            Assert.Equal(0, write.ExitCode);
            Assert.True(File.Exists(baseline));

            Write("a.cs", "int a = 2;\n\nvar s = \"x\u200By\";\n");
            var quiet = await Scan("--baseline", baseline, "--format", "json");
            Assert.Equal(0, quiet.ExitCode);
            using (var json = JsonDocument.Parse(quiet.Stdout))
            {
                Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
                Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
            }

            Write("a.cs", "int a = 2;\nvar t = \"p\u200Bq\";\nvar s = \"x\u200By\";\n");
            var one = await Scan("--baseline", baseline, "--format", "json");
            Assert.Equal(1, one.ExitCode);
            using var again = JsonDocument.Parse(one.Stdout);
            var f = Assert.Single(again.RootElement.GetProperty("findings").EnumerateArray().ToList());
            Assert.Equal(2, f.GetProperty("line").GetInt32());
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Fact]
    public async Task AFloodIsCappedPerFileAndSummarised()
    {
        Write("flood.txt", string.Concat(Enumerable.Repeat("\u001b[31mred\n", 300)));
        var result = await Scan();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("flood.txt: and 200 more finding(s) of category control (only the first 100 per file are shown)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("300 finding(s), 300 at or above medium", result.Stdout, StringComparison.Ordinal);
    }
}
