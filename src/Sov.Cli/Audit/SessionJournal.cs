using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Config;
using Sov.Core.Secrets;
using CoreSessionInfo = Sov.Core.Audit.SessionInfo;

namespace Sov.Cli.Audit;

/// <summary>
/// One command's journal: opened with its <c>session</c> record before anything crosses a border, sealed
/// with the reason its exit code means (<c>completed</c>, <c>interrupted</c>, <c>failed</c>); an exception that
/// ends the command first seals it <c>failed</c>. Also carries the redactor built from the person's allow-list.
/// </summary>
internal sealed class SessionJournal : IDisposable
{
    private CoreSessionInfo _tailInfo = new("", "", "", "", "", "", Kind: "audit-export");

    private SessionJournal(Journal journal, Redactor redactor)
    {
        Journal = journal;
        Redactor = redactor;
        Observer = new JournalEgressObserver(journal);
    }

    public Journal Journal { get; }
    public Redactor Redactor { get; }
    public JournalEgressObserver Observer { get; }

    /// <summary>The background exporter when <c>[audit.export]</c> streams (#20), else null.</summary>
    private SessionExport? Export { get; set; }

    /// <param name="resume">The session being continued: its journal gets a new segment (#14); null starts a new session
    /// under an id that neither the journal folder nor the sessions folder has, shared by its session file.</param>
    public static SessionJournal Start(CliContext context, BorderConfig borders, CoreSessionInfo info, string? resume = null)
    {
        var sessions = context.Paths.SessionsDir;
        var key = borders.LoadSealKey();
        var backlog = ExportBacklog.Check(context.Paths.JournalDir, borders); // a forced export over its bound refuses here (#20)
        if (backlog is not null)
        {
            context.Error.WriteLine(backlog);
        }

        try
        {
            var journal = resume is null
                ? Journal.Start(context.Paths.JournalDir, info, null, id => File.Exists(Core.Sessions.SessionFile.PathOf(sessions, id)))
                : Journal.Continue(context.Paths.JournalDir, resume, info);
            journal.Key = key;
            var started = new SessionJournal(journal, new Redactor(borders.Redaction));
            if (backlog is not null)
            {
                journal.Append(new Core.Audit.Records.NoticeRecord("warning", backlog));
            }

            started.Export = SessionExport.Start(borders, journal, started.Observer, started.Redactor);
            started._tailInfo = info with { Workspace = "", Model = "", PermissionMode = "", Endpoint = borders.ExportEndpoint?.ToString() ?? "", Kind = "audit-export" };
            return started;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot write the journal in {context.Paths.JournalDir}: {Core.PlainErrors.Describe(e)}",
                "Sovereign does not run unjournaled: make that folder writable, or set SOV_HOME to one that is.");
        }
    }

    public static CoreSessionInfo Info(CliContext context, string kind, string workspace, string model, string endpoint, string mode) =>
        new(VersionInfo.Version, ConfigDigest.Of(context.Paths.ConfigFile), workspace, model, endpoint, mode, kind, context.Policy.Sha256);

    public void Finish(int exitCode) => Seal(exitCode switch
    {
        ExitCodes.Ok => "completed",
        ExitCodes.Interrupted => "interrupted",
        _ => "failed",
    });

    public void Dispose()
    {
        if (!Journal.IsSealed)
        {
            Seal("failed");
        }

        Export?.Dispose();
    }

    /// <summary>Seals; with an exporter, the seal and the records before it then go to the collector (within the flush timeout, #20).</summary>
    private void Seal(string reason)
    {
        if (Export is null)
        {
            Journal.Seal(reason);
            return;
        }

        Export.Finish(() => Journal.Seal(reason), () =>
        {
            var tail = Journal.Start(Journal.Directory, _tailInfo);
            tail.Key = Journal.Key;
            return tail;
        });
    }
}
