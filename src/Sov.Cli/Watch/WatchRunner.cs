using Sov.Borders.Watch;
using Sov.Core;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// Runs one watch: the command under strace (Sov.Borders), the trace read into facts (Sov.Core), then the
/// text border over its stdout, stderr, the files it wrote in the workspace and the bytes it sent.
/// </summary>
internal static class WatchRunner
{
    private const int FileCap = 16 << 20;

    public static async Task<WatchReport> RunAsync(WatchRequest request, Stream echo, CancellationToken cancellationToken)
    {
        var run = await StraceTracer.RunAsync(request.Command, request.Workspace, echo, cancellationToken).ConfigureAwait(false);
        return await ReportAsync(request, run, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Reads a finished run into a report (also used for the contained run).</summary>
    public static async Task<WatchReport> ReportAsync(WatchRequest request, TracedRun run, CancellationToken cancellationToken)
    {
        var records = StraceReader.ReadAll(run.Trace);
        if (!records.Any(r => r.Call is "execve" or "execveat" && r.Succeeded))
        {
            var said = System.Text.Encoding.UTF8.GetString(run.Stderr).Trim();
            throw new SovException($"the command '{request.Command[0]}' could not be started{(said.Length > 0 ? $": {said}" : ".")}",
                "Check the command's name and PATH (give it after --, e.g. sov watch -- mytool --flag).", ExitCodes.Usage);
        }

        var facts = TraceAnalysis.Analyze(records, request.Workspace, request.Expected);
        var hidden = new List<WatchHidden>();
        hidden.AddRange(HiddenTextScan.Scan("stdout", run.Stdout));
        hidden.AddRange(HiddenTextScan.Scan("stderr", run.Stderr));
        foreach (var path in facts.WrittenFiles)
        {
            if (await ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                hidden.AddRange(HiddenTextScan.Scan(Path.GetRelativePath(request.Workspace, path), bytes));
            }
        }

        foreach (var (destination, payload) in facts.SentPayloads)
        {
            if (!System.Text.Unicode.Utf8.IsValid(payload) || payload.AsSpan().Contains((byte)0))
            {
                continue; // encrypted or binary: nothing the text border can read
            }

            hidden.AddRange(HiddenTextScan.Scan($"sent to {destination}", JsonEscapes.Unescape(payload)));
        }

        return new WatchReport(string.Join(' ', request.Command), run.ExitCode, request.Contain, facts, hidden);
    }

    private static async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > FileCap)
            {
                return null;
            }

            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
