using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files.Checkpoints;

namespace Sov.Core.Agent;

/// <summary>
/// Rewind (#17): the conversation goes back to before one of its prompts (the turns are the person's prompts, in order: <see cref="TurnPrompts"/>),
/// and, when asked, the files too: the session's checkpoints stored since that prompt began are undone newest first
/// (<see cref="SessionUndo.UndoSince"/>). A prompt's start is its message's <see cref="ChatMessage.CreatedAt"/>, which the
/// loop stamps and the session file keeps, so a continued session rewinds its earlier turns' files as well.
/// </summary>
internal static class SessionRewind
{
    private const int Listed = 20;

    /// <summary>Where the <paramref name="turn"/>-th prompt of <paramref name="history"/> is (its index), or -1.</summary>
    public static int TurnStart(IReadOnlyList<ChatMessage> history, int turn)
    {
        ArgumentNullException.ThrowIfNull(history);
        var seen = 0;
        for (var i = 0; i < history.Count; i++)
        {
            if (TurnPrompts.IsPrompt(history[i]) && ++seen == turn)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Works the rewind out on <paramref name="history"/>; returns its event and the messages to keep (null when it failed).</summary>
    public static (RewindCompleted Done, List<ChatMessage>? Kept) Run(IReadOnlyList<ChatMessage> history, Rewind rewind, SessionUndo? undo)
    {
        ArgumentNullException.ThrowIfNull(rewind);
        var cut = TurnStart(history, rewind.Turn);
        if (cut < 0)
        {
            var turns = history.Count(TurnPrompts.IsPrompt);
            return (RewindCompleted.Failed(rewind.Turn, $"There is no turn {rewind.Turn}: the conversation has {turns} turn{(turns == 1 ? "" : "s")}."), null);
        }

        var since = history[cut].CreatedAt;
        var changed = since is { } s && undo is not null ? undo.ChangedSince(s) : [];
        var left = new List<string>();
        IReadOnlyList<UndoReport> reports = [];
        if (rewind.Files)
        {
            if (undo is null)
            {
                left.Add("the files (this session keeps no checkpoints)");
            }
            else if (since is null)
            {
                left.Add("the files (when that turn began is not recorded: it was saved by an older version)");
            }
            else
            {
                reports = undo.UndoSince(since.Value, left);
            }
        }

        var final = new Dictionary<string, bool>(StringComparer.Ordinal); // path: removed? The oldest turn undone says last
        foreach (var report in reports)
        {
            report.Restored.ToList().ForEach(p => final[p] = false);
            report.Removed.ToList().ForEach(p => final[p] = true);
        }

        var restored = final.Where(f => !f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var removed = final.Where(f => f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var skipped = left.Concat(reports.SelectMany(r => r.Skipped)).ToList();
        var stale = changed.Except(restored).Except(removed).ToList();
        string? note = stale.Count > 0 || (since is null && !rewind.Files)
            ? "[Sovereign: the person rewound the conversation to an earlier point; " +
              (stale.Count > 0 ? $"files the rewound turns changed were left as they are now: {List(stale)}. " : "files may have changed since. ") +
              "Read files again before relying on what you knew of them.]"
            : null;
        var kept = history.Take(cut).ToList();
        var done = new RewindCompleted(RewindOutcome.Rewound, rewind.Turn, history.Count - cut, rewind.Files, restored, removed, skipped, note, null)
        {
            Reports = reports,
        };
        return (done, kept);
    }

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {items.Count - Listed} more" : "");
}
