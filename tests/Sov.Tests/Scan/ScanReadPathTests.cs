using Sov.Borders.FileSystem;
using System.Text;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Scan;

/// <summary>
/// The scan's read paths on real files: a file streams through a chunk, is classified from the chunk when it fits,
/// and is read whole when it is bigger; folders are opened once per batch. Sizes straddle the chunk boundary.
/// </summary>
public sealed class ScanReadPathTests
{
    private const string Rlo = "\u202E";
    private const int Chunk = ScanBuffer.ChunkSize;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Lines of 64 bytes ("x" * 63 and a newline), with an RLO put into line <paramref name="badLine"/> (1-based) when given.</summary>
    private static byte[] Text(int size, int badLine = 0)
    {
        var text = new StringBuilder(size + 8);
        var line = 1;
        while (text.Length < size)
        {
            var row = line == badLine ? "ab" + Rlo + new string('x', 59) + "\n" : new string('x', 63) + "\n";
            text.Append(row);
            line++;
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return badLine == 0 ? bytes[..size] : bytes;
    }

    public static TheoryData<int, int> Placements => new()
    {
        { Chunk - 1, 0 }, { Chunk, 0 }, { Chunk + 1, 0 }, { (3 * Chunk) + 17, 0 },
        { 100, 1 }, { Chunk - 64, 1 }, { Chunk, (Chunk / 64) - 2 }, { Chunk + 64, (Chunk / 64) + 1 },
        { (3 * Chunk) + 17, 3 * Chunk / 64 }, { 5 * 1024 * 1024, 80_000 },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task FindingIsAtItsLineWhereverTheFileCrossesTheChunk(int size, int badLine)
    {
        using var tree = new TempTree();
        var bytes = Text(size, badLine);
        tree.Write("a.txt", bytes);
        tree.Write("clean.txt", Text(size));
        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions(), tree.Root, Ct);

        Assert.Equal(2, report.Summary.Files);
        Assert.Equal(bytes.Length + size, report.Summary.Bytes);
        if (badLine == 0)
        {
            Assert.Empty(report.Findings);
            return;
        }

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("a.txt", badLine, 3, TextCategory.Bidi), (finding.Path, finding.Finding.Line, finding.Finding.Column, finding.Finding.Category));
    }

    [Fact]
    public async Task Utf16FileBiggerThanAChunkIsReadWhole()
    {
        using var tree = new TempTree();
        var text = new string('y', Chunk) + "\nz" + Rlo + "\n";
        tree.Write("wide.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions(), tree.Root, Ct);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((2, 2), (finding.Finding.Line, finding.Finding.Column));
    }

    [Fact]
    public async Task NamedFilesInDifferentFoldersKeepTheirNamesAsTyped()
    {
        using var tree = new TempTree();
        tree.Write("one/a.txt", $"a{Rlo}\n");
        tree.Write("two/deep/b.txt", $"b{Rlo}\n");
        tree.Write("three/c.txt", $"c{Rlo}\n");
        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { Paths = ["two/deep/b.txt", "one/../one/a.txt", "three"] }, tree.Root, Ct);
        Assert.Equal(["one/../one/a.txt", "three/c.txt", "two/deep/b.txt"], report.Findings.Select(f => f.Path).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public async Task AnyNumberOfWorkersFindsTheSameInAWideDeepTree(int workers)
    {
        using var tree = new TempTree();
        var expected = new List<string>();
        for (var folder = 0; folder < 12; folder++)
        {
            var path = string.Join('/', Enumerable.Range(0, folder % 4 + 1).Select(d => $"d{folder}_{d}"));
            for (var file = 0; file < 45; file++)
            {
                var bad = (folder * 45 + file) % 17 == 0;
                tree.Write($"{path}/f{file:D2}.cs", bad ? $"var x{Rlo} = 1;\n" : "var x = 1;\n");
                if (bad)
                {
                    expected.Add($"{path}/f{file:D2}.cs");
                }
            }
        }

        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { Parallelism = workers }, tree.Root, Ct);
        Assert.Equal(12 * 45, report.Summary.Files);
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), report.Findings.Select(f => f.Path).ToArray());
    }

    // Review finding: opening a named pipe blocked a worker for ever.
    [Fact]
    public async Task ANamedPipeIsSkippedNotWaitedOn()
    {
        using var tree = new TempTree();
        tree.Write("ok.txt", "fine\n");
        var fifo = Path.Join(tree.Root, "pipe");
        Assert.Equal(0, Mkfifo(fifo, 0x180));
        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions(), tree.Root, Ct);
        Assert.Equal(1, report.Summary.Files);
        Assert.Equal(1, report.Summary.Skipped);
        Assert.Contains(report.Problems, p => p.Contains("not a regular file", StringComparison.Ordinal));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int Mkfifo(string path, int mode);
}
