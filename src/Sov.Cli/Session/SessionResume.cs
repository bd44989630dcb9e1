using Sov.Core.Audit.Records;
using Sov.Core.Sessions;

namespace Sov.Cli.Session;

/// <summary>Reopens a saved session for every front door the same way: a torn last line (#13.3) is cut,
/// kept aside and journaled; what could not be loaded comes back as warnings for the front end to show.</summary>
internal static class SessionResume
{
    public static (SessionFile File, SessionHistory Loaded) Open(string path, PreparedAgent agent)
    {
        var (file, loaded) = SessionFile.Resume(path, agent.Journal.Redactor);
        if (loaded.Torn is { } torn)
        {
            agent.Journal.Journal.Append(new SessionFileRepairedRecord(file.Id, torn.Bytes, torn.Sha256, Path.GetFileName(torn.KeptAt), torn.DroppedPrompt is not null));
        }

        return (file, loaded);
    }

    /// <summary>
    /// The session file of the session <paramref name="agent"/> opened (#14: under the journal's id): the one it
    /// continues, with its history, or a new one (history null).
    /// </summary>
    public static (SessionFile File, SessionHistory? Loaded) OpenOrCreate(CliContext context, PreparedAgent agent)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.ResumePath is { } path)
        {
            var (file, loaded) = Open(path, agent);
            return (file, loaded);
        }

        return (SessionFile.Create(context.Paths.SessionsDir, agent.SessionId, agent.Workspace.Root, agent.Model, DateTimeOffset.UtcNow, agent.Journal.Redactor), null);
    }
}
