using Sov.Borders.FileSystem;
using Sov.Core.Scan;
using Sov.Tests.Files;

namespace Sov.Tests.Scan;

/// <summary>
/// Issue #13 item 6 (and item 8's raw resource keys): a name that is not UTF-8 never stops <c>sov scan</c>, and
/// the line it prints says what happened in words, not <c>IO_FileNotFound_FileName</c>.
/// </summary>
public sealed class ScanByteNameTests
{
    [Fact]
    public async Task ABadNameIsReportedInWordsAndTheRestIsScanned()
    {
        var root = Directory.CreateTempSubdirectory("sov-scan-bytes-").FullName;
        try
        {
            File.WriteAllText(Path.Join(root, "good.txt"), "x\u202E\n");
            RawNames.Create(root, RawNames.Bytes("bad", 0xFF).Concat(RawNames.Bytes(".txt")).ToArray(), "x\n");
            RawNames.Create(root, RawNames.Bytes("dir", 0xFE), null);

            var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions(), root, TestContext.Current.CancellationToken);

            Assert.Contains(report.Findings, f => f.Path == "good.txt");
            Assert.Equal(2, report.Problems.Count);
            Assert.All(report.Problems, p => Assert.Contains("not valid UTF-8", p, StringComparison.Ordinal));
            Assert.DoesNotContain(report.Problems, p => p.Contains("IO_", StringComparison.Ordinal));
        }
        finally
        {
            RawNames.Delete(root);
        }
    }

    [Fact]
    public async Task ANameWithABackslashIsScannedUnderItsOwnName()
    {
        // #14: the walker lists names in the file border's escape (a backslash before x is doubled); the scan
        // opens and prints the name itself.
        var root = Directory.CreateTempSubdirectory("sov-scan-backslash-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Join(root, @"d\x41"));
            File.WriteAllText(Path.Join(root, @"d\x41", @"a\xff.txt"), "x\u202E\n");

            var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions(), root, TestContext.Current.CancellationToken);

            Assert.Empty(report.Problems);
            Assert.Contains(report.Findings, f => f.Path == @"d\x41/a\xff.txt");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
