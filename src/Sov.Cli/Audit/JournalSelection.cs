using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Cli.Audit;

/// <summary>Which sessions an audit command acts on: one named, all, or (by default) the newest by recorded start (#13.8).</summary>
internal static class JournalSelection
{
    public static IReadOnlyList<string> Resolve(string journalDir, string? session, bool all)
    {
        var sessions = JournalFiles.Sessions(journalDir);
        if (session is not null)
        {
            if (all)
            {
                throw new SovException("Name a session or pass --all, not both.", "Run 'sov audit verify --help'.", ExitCodes.Usage);
            }

            return sessions.Contains(session, StringComparer.Ordinal)
                ? [session]
                : throw new SovException($"No journal for session '{session}' in {journalDir}.",
                    "Run 'sov audit verify --all' to list the sessions there.", ExitCodes.Usage);
        }

        if (sessions.Count == 0)
        {
            throw new SovException($"No journal sessions in {journalDir}.",
                "Sessions are journaled there as sov runs; set SOV_HOME if you keep them elsewhere.", ExitCodes.Failed);
        }

        return all ? sessions : [JournalFiles.Newest(journalDir) ?? sessions[^1]];
    }
}
