using System.Runtime.CompilerServices;
using Sov.Borders.FileSystem;
using Sov.Cli.Scan;
using Sov.Core.Scan;

namespace Sov.Tests.Text;

/// <summary>
/// #14: the scanner became one rule type per hazard over a shared cursor; its findings must stay byte-identical.
/// The expected reports were written by <c>sov scan --all --no-ignore --format json .</c> from the scanner before
/// the split: every fixture of tests/fixtures/text, and five generated files that between them hit 43 rules
/// (runs, escapes, overlong and surrogate UTF-8, tags, selectors, bidi pairs across strings, confusables...).
/// #21 judged findings by context (string literal, comment, prose, language) and said so in messages; the expected
/// reports were regenerated from that scanner and each changed severity was reviewed.
/// </summary>
public sealed class ScannerGoldenTests
{
    private static readonly string Golden = Locate();

    [Theory]
    [InlineData("text", "expected-text.json")]
    [InlineData("scan-golden/input", "expected-input.json")]
    public async Task FindingsAreByteIdenticalToThoseBeforeTheSplit(string folder, string expected)
    {
        var root = Path.GetFullPath(Path.Join(Golden, "..", folder));
        var report = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { NoIgnore = true, IncludeInfo = true, MaxFindingsPerFile = int.MaxValue }, root,
            TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        await ScanJsonPrinter.WriteAsync(report, output);

        Assert.Equal(File.ReadAllText(Path.Join(Golden, expected)).TrimEnd(), output.ToString().TrimEnd());
    }

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Join(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "scan-golden"));
}
