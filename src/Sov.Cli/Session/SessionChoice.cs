using Sov.Core.Config;
using Sov.Core.Sessions;

namespace Sov.Cli.Session;

/// <summary>
/// Which session a front door opens, decided before its journal starts (#14: the journal and the session file
/// share one id, and a continued session's journal gets a new segment): a new one, the one named by
/// <c>--resume ID</c>, or with <c>--continue</c> (or <c>--resume</c> alone) the workspace's newest.
/// </summary>
internal sealed record SessionChoice(string? ResumeId = null, bool Newest = false)
{
    public static SessionChoice New { get; } = new();

    /// <summary>The session file to reopen and the sessions the workspace has (newest first); a null path starts a new session.</summary>
    public (string? Path, IReadOnlyList<SessionSummary> Listed) Resolve(string sessionsDir, string workspaceRoot)
    {
        if (ResumeId is { } id)
        {
            var path = SessionFile.PathOf(sessionsDir, Path.GetFileName(id));
            return File.Exists(path)
                ? (path, [])
                : throw new ConfigException($"No session {id} in {sessionsDir}.", "Run 'sov --resume' to list the sessions of this workspace.");
        }

        if (!Newest)
        {
            return (null, []);
        }

        var sessions = SessionFile.List(sessionsDir, workspaceRoot);
        return (sessions.Count == 0 ? null : sessions[0].Path, sessions);
    }
}
