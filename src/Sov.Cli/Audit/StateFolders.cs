using Sov.Core.Config;

namespace Sov.Cli.Audit;

/// <summary>
/// Every folder Sovereign writes on this machine, and what each holds (#14), for <c>sov privacy</c>. All are made
/// private to the person (mode 700, files 600) and masked from the sandbox; nothing else outside the workspace is written.
/// </summary>
internal static class StateFolders
{
    public static IReadOnlyList<(string Path, string Holds)> List(SovPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return
        [
            (paths.SessionsDir, "your conversations, one SESSION.jsonl per session (prompts, answers, tool results, secrets redacted); notes for the model (an undo); torn last lines cut after a crash, kept aside"),
            (paths.HistoryDir, "the prompts you typed in the terminal, one file per workspace, for the up-arrow (secrets redacted)"),
            (Path.Combine(paths.StateDir, "checkpoints"), "per workspace: the content files had before each turn changed them (turns/, blobs/), and the turn in progress (pending/), for 'sov undo'"),
            (paths.JournalDir, "the audit journal, SESSION.jsonl per session (hash-chained; a continued session adds segments; each session names the one before), "
                + "the exact request bodies sent (bodies/), torn tails kept aside by --repair, the chain's anchor (.head) and start lock"),
            (paths.CacheDir, "nothing today (reserved for caches; made private like the others)"),
        ];
    }
}
