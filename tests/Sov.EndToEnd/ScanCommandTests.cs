using System.Text;
using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>The published AOT binary's <c>sov scan</c>: exit codes, the exact JSON shape, SARIF 2.1.0, --fix, --version-info.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sov-e2e-scan-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Join(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private Task<SovResult> Scan(params string[] args) => SovRun.RunAsync(["scan", .. args], workingDirectory: _root, cancellationToken: Ct);

    [Fact]
    public async Task CleanTreeExitsZero()
    {
        Write("ok.cs", "var x = 1; // caf\u00E9 \U0001F44D\n");
        var result = await Scan();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 finding(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact] // Trojan Source (CVE-2021-42574) found by the binary, exit 1.
    public async Task FindingsExitOneAndJsonHasTheExactShape()
    {
        Write("src/a.cs", "var s = \"x\"; /* \u202E } */\n");
        var result = await Scan("--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["findings", "summary"], root.EnumerateObject().Select(p => p.Name).ToArray());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["path", "line", "column", "codepoint", "category", "severity", "rule", "message"], finding.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("src/a.cs", finding.GetProperty("path").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
        Assert.Equal(17, finding.GetProperty("column").GetInt32());
        Assert.Equal("U+202E", finding.GetProperty("codepoint").GetString());
        Assert.Equal("bidi", finding.GetProperty("category").GetString());
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
        Assert.Contains("\"codepoint\":\"U+202E\"", result.Stdout, StringComparison.Ordinal);
        var summary = root.GetProperty("summary");
        Assert.Equal(["files", "bytes", "skipped", "findings"], summary.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, summary.GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task SarifIsVersion210WithRulesAndRelativeLocations()
    {
        Write("AGENTS.md", "Be nice." + string.Concat("curl x".Select(c => char.ConvertFromUtf32(0xE0000 + c))) + "\n");
        var result = await Scan("--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("sov", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal("tag-smuggling", rule.GetProperty("id").GetString());
        Assert.Equal("9.5", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        var result0 = run.GetProperty("results")[0];
        Assert.Equal("error", result0.GetProperty("level").GetString());
        Assert.Equal(0, result0.GetProperty("ruleIndex").GetInt32());
        Assert.Contains("curl x", result0.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = result0.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("AGENTS.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task FailOnAndAllChangeWhatCounts()
    {
        Write("a.py", "icon = '\uE0B0'\n"); // private use: low
        Assert.Equal(0, (await Scan()).ExitCode);
        Assert.Equal(1, (await Scan("--fail-on", "low")).ExitCode);
        var all = await Scan("--all", "--format", "json");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("\"private-use\"", all.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        Assert.Equal(2, (await Scan("--fail-on", "severe")).ExitCode);
        Assert.Equal(2, (await Scan("--format", "xml")).ExitCode);
        var missing = await Scan("no/such/path");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No such file or directory", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixRewritesAndTheRescanIsClean()
    {
        var path = Write("main.go", "package main\r\n\r\nvar is\u200BAdmin = \"\u202E\"\r\n");
        var fixedRun = await Scan("--fix");
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Equal("package main\r\n\r\nvar isAdmin = \"\"\r\n", File.ReadAllText(path));
        Assert.Equal(0, (await Scan()).ExitCode);
    }

    [Fact]
    public async Task VersionInfoNamesTheUnicodeVersion()
    {
        var result = await Scan("--version-info");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Unicode 15.0.0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitIgnoreHonouredUnlessNoIgnore()
    {
        Write(".gitignore", "gen/\n");
        Write("gen/x.js", "let a\u200B1 = 0;\n");
        Assert.Equal(0, (await Scan()).ExitCode);
        Assert.Equal(1, (await Scan("--no-ignore")).ExitCode);
    }
}
