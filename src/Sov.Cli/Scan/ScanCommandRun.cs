using System.CommandLine;
using Sov.Borders.FileSystem;
using Sov.Borders.Git;
using Sov.Core.Scan;

namespace Sov.Cli.Scan;

/// <summary>
/// Runs one <c>sov scan</c>: loads <c>.sovscan.toml</c> (at the one folder named, else the current folder; the top of
/// the repository with <c>--staged</c>) and the baseline, streams findings to the chosen output as files finish,
/// writes the summary, and the baseline when asked.
/// </summary>
internal static class ScanCommandRun
{
    public static async Task<ScanReport> RunAsync(CliContext context, ParseResult parse, ScanCommandOptions ops, ScanOptions options, string format, CancellationToken cancellationToken)
    {
        var cwd = Directory.GetCurrentDirectory();
        var staged = parse.GetValue(ops.Staged);
        if (staged && (options.Paths.Count > 0 || options.Fix))
        {
            throw new ScanException("--staged scans the git index: it takes no PATH and cannot --fix", "Run 'sov scan --staged' alone, or scan paths without --staged.");
        }

        var writeBaseline = parse.GetValue(ops.WriteBaseline);
        var baselinePath = parse.GetValue(ops.Baseline);
        IEnumerable<(string Path, byte[] Content)> blobs = [];
        var root = options.Paths.Count == 1 && Directory.Exists(Path.GetFullPath(options.Paths[0], cwd)) ? Path.GetFullPath(options.Paths[0], cwd) : cwd;
        if (staged)
        {
            (root, blobs) = await GitStaged.ReadAsync(cwd, cancellationToken).ConfigureAwait(false);
        }

        options = options with
        {
            MaxFindingsPerFile = parse.GetValue(ops.MaxPerFile),
            CollectBaseline = writeBaseline is not null,
            Suppressions = parse.GetValue(ops.NoSuppress) ? ScanSuppressions.None : new ScanSuppressions
            {
                Config = ScanConfigLoader.LoadIfPresent(Path.Join(root, ScanConfig.FileName)),
                Baseline = baselinePath is null ? null : ScanBaseline.Load(Path.GetFullPath(baselinePath, cwd)),
            },
        };

        var cap = options.MaxFindingsPerFile;
        IScanSink output = format switch
        {
            "json" => new ScanJsonSink(context.Out),
            "sarif" => new ScanCollectingSink(),
            "github" => new ScanGitHubSink(context.Out, cap),
            _ => new ScanTextSink(context.Out, cap),
        };
        var baseline = writeBaseline is null ? null : new ScanBaselineSink(output);
        IScanSink sink = baseline is null ? output : baseline;
        var report = staged
            ? ScanRunner.ScanContents(blobs.Select(b => (b.Path, Path.Join(root, b.Path), b.Content)), options, sink)
            : await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), options, cwd, cancellationToken, sink).ConfigureAwait(false);

        switch (output)
        {
            case ScanJsonSink json:
                json.Finish(report);
                break;
            case ScanCollectingSink collected:
                report = collected.Complete(report);
                await ScanSarifPrinter.WriteAsync(report, context.Out, VersionInfo.Version).ConfigureAwait(false);
                break;
            default:
                await context.Out.WriteLineAsync(ScanTextSink.Summary(report)).ConfigureAwait(false);
                break;
        }

        if (baseline is not null)
        {
            ScanBaseline.Write(Path.GetFullPath(writeBaseline!, cwd), baseline.Keys);
            await context.Error.WriteLineAsync($"sov scan: wrote {baseline.Keys.Values.Sum()} accepted finding(s) to {writeBaseline}").ConfigureAwait(false);
        }

        return report;
    }
}
