using Sov.Borders.Watch;
using Sov.Cli.Audit;
using Sov.Core.Audit;
using Sov.Core.Config;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// <c>sov watch --allow HOST:PORT ... -- COMMAND</c>: the command runs contained (<see cref="ContainTracer"/>),
/// every relayed connection is journaled in a session of kind <c>watch</c>, and the report lists them.
/// </summary>
internal static class ContainedWatch
{
    public static async Task<WatchReport> RunAsync(WatchRequest request, ContainPlan plan, CliContext context, Stream echo, CancellationToken cancellationToken)
    {
        var paths = context.Paths;
        var info = new SessionInfo(VersionInfo.Version, ConfigDigest.Of(paths.ConfigFile), request.Workspace, "(none: sov watch)",
            string.Join(", ", plan.Endpoints.Select(e => e.Destination)), "contain", "watch", context.Policy.Sha256);
        using var journal = Journal.Start(paths.JournalDir, info);
        var observer = new JournalRelayObserver(journal);
        var folders = new[] { paths.ConfigDir, paths.StateDir, paths.CacheDir }.Distinct(StringComparer.Ordinal).ToList();
        var run = await ContainTracer.RunAsync(request.Command, request.Workspace, folders, context.Environment.Get("HOME"),
            plan, observer, echo, cancellationToken).ConfigureAwait(false);
        var report = await WatchRunner.ReportAsync(request, run, CancellationToken.None).ConfigureAwait(false);
        journal.Seal(run.Stopped ? "interrupted" : "completed");
        return report with { Relayed = observer.Closed(), Journal = journal.Session };
    }
}
