using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;

namespace Sov.Cli.Interactive;

/// <summary>
/// The terminal's side of the protocol (#14): submits one operation (a turn, a compaction, an undo, a rewind) and renders the
/// session's events until the one that ends it; Ctrl-C submits Interrupt, and every approval the session asks (a tool
/// call, an unsandboxed command, hidden characters in a write) is asked at the prompt on this thread and answered by
/// Approve or Deny. The session journals what happens; the driver only renders and submits.
/// </summary>
internal sealed class TurnDriver(AgentSession session, TurnView view, ApprovalPrompt prompt)
{
    /// <summary>Whether the person pressed Ctrl-C during the last operation.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>The message of the last error event shown, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>Submits <paramref name="submission"/> and shows its events; returns the event that ended it.</summary>
    public async Task<AgentEvent?> DriveAsync(Submission submission, CancellationToken cancellationToken)
    {
        Interrupted = false;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            Interrupted = true;
            session.Submit(new Interrupt());
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            session.Submit(submission);
            await foreach (var e in session.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                view.Show(e);
                switch (e)
                {
                    case ApprovalRequested ask:
                        Console.CancelKeyPress -= OnCancel;
                        try
                        {
                            session.Submit(prompt.Ask(ask, view.PreviewOf(ask.CallId)));
                        }
                        finally
                        {
                            Console.CancelKeyPress += OnCancel;
                        }

                        break;
                    case Error error:
                        LastError = error.Message;
                        break;
                    case TurnCompleted or CompactCompleted or UndoCompleted or RewindCompleted:
                        return e;
                }
            }
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }

        return null;
    }
}
