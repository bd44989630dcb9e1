using Sov.Borders.FileSystem;
using System.Text;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Scan;

/// <summary>The scan engine over real folders: .gitignore, binaries, explicit files, --fix keeping encoding, BOM, line endings and mode.</summary>
public sealed class ScanRunnerTests
{
    private const string Rlo = "\u202E";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ScanReport> Run(TempTree tree, ScanOptions? options = null, params string[] paths) =>
        ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), (options ?? new ScanOptions()) with { Paths = paths }, tree.Root, Ct);

    private static string[] Paths(ScanReport report) => report.Findings.Select(f => f.Path).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task GitIgnoreIsHonouredNestedWithNegationAndDirectoryOnlyPatterns()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Join(tree.Root, ".git"));
        tree.Write(".gitignore", "*.log\n/build/\nsecret*\n!secret-keep.txt\ndocs/**/gen.md\n");
        tree.Write("a.log", $"x{Rlo}\n");
        tree.Write("build/out.cs", $"x{Rlo}\n");
        tree.Write("src/build/kept.cs", $"x{Rlo}\n"); // "/build/" is anchored: this one is not ignored
        tree.Write("secret1.txt", $"x{Rlo}\n");
        tree.Write("secret-keep.txt", $"x{Rlo}\n");
        tree.Write("docs/a/b/gen.md", $"x{Rlo}\n");
        tree.Write("sub/.gitignore", "local.cs\n");
        tree.Write("sub/local.cs", $"x{Rlo}\n");
        tree.Write("sub/other.cs", $"x{Rlo}\n");
        tree.Write(".git/config", $"x{Rlo}\n");
        var report = await Run(tree);
        Assert.Equal(["secret-keep.txt", "src/build/kept.cs", "sub/other.cs"], Paths(report));
        Assert.True(report.Failed);

        var everything = await Run(tree, new ScanOptions { NoIgnore = true });
        Assert.Equal(8, Paths(everything).Length); // .git is never walked
    }

    [Fact]
    public async Task ExplicitlyNamedIgnoredFileIsScanned()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "*.log\n");
        tree.Write("a.log", $"x{Rlo}\n");
        var report = await Run(tree, null, "a.log");
        Assert.Equal(["a.log"], Paths(report));
    }

    [Fact]
    public async Task BinariesAreSkippedAndCounted()
    {
        using var tree = new TempTree();
        tree.Write("blob.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0x1B, 0xE2, 0x80, 0xAE]);
        tree.Write("ok.txt", "hello\n");
        var report = await Run(tree);
        Assert.Equal(1, report.Summary.Skipped);
        Assert.Equal(1, report.Summary.Files);
        Assert.Empty(report.Findings);
        Assert.False(report.Failed);
    }

    [Fact]
    public async Task MissingPathIsAUsageError()
    {
        using var tree = new TempTree();
        var e = await Assert.ThrowsAsync<ScanException>(() => Run(tree, null, "nope"));
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public async Task FailOnThresholdDecidesFailure()
    {
        using var tree = new TempTree();
        tree.Write("a.py", "x = '\uE000'\n"); // private use: low
        Assert.False((await Run(tree)).Failed);
        Assert.True((await Run(tree, new ScanOptions { FailOn = Severity.Low })).Failed);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FixKeepsBomCrlfAndModeAndTouchesNothingElse()
    {
        using var tree = new TempTree();
        var path = tree.Write("tool.sh", "\uFEFF#!/bin/sh\r\necho \"ok\u200B\"\r\nx=1\u00A0# note\r\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        var report = await Run(tree, new ScanOptions { Fix = true, FailOn = Severity.Low });
        Assert.Equal(1, report.FilesFixed);
        Assert.False(report.Failed);
        Assert.Equal("\uFEFF#!/bin/sh\r\necho \"ok\"\r\nx=1 # note\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(tree.Root)); // no temporary file left behind
    }

    [Fact]
    public async Task FixKeepsUtf16LittleEndianWithBom()
    {
        using var tree = new TempTree();
        var original = "var a = 1;\r\nvar b\u202E = 2;\r\n";
        var path = tree.Write("a.cs", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(original)]);
        var report = await Run(tree, new ScanOptions { Fix = true });
        Assert.Contains(report.Findings, f => f.Finding.Category == TextCategory.Bidi && f.Finding.Line == 2);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Equal(original.Replace("\u202E", string.Empty, StringComparison.Ordinal), Encoding.Unicode.GetString(bytes[2..]));
    }

    [Fact]
    public async Task FindingsAreOrderedByPathThenPosition()
    {
        using var tree = new TempTree();
        tree.Write("b.txt", $"1{Rlo}\n2{Rlo}\n");
        tree.Write("a.txt", $"1{Rlo}\n");
        var report = await Run(tree);
        Assert.Equal(["a.txt:1", "b.txt:1", "b.txt:2"], report.Findings.Select(f => $"{f.Path}:{f.Finding.Line}").ToArray());
        Assert.Equal(3, report.Summary.Findings);
    }
}
