using System.Globalization;
using Microsoft.Extensions.AI;
using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;

namespace Sov.Cli.Interactive.Slash;

/// <summary>
/// <c>/rewind</c> (and Esc Esc on an empty prompt, #17): lists the conversation's turns (numbered, the first line of each
/// prompt), asks which to go back to before and whether the files go back too, and has the session rewind (the loop owns
/// it and journals it). The session file then holds the shorter conversation, so <c>--continue</c> does not bring the
/// rewound turns back. <c>/rewind N</c> names the turn at once.
/// </summary>
internal sealed class RewindCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["rewind"];

    public async Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var (surface, input) = (session.Surface, session.Input);
        var prompts = session.Session.History.Where(TurnPrompts.IsPrompt).Select(m => FirstLine(m.Text)).ToList();
        if (prompts.Count == 0)
        {
            surface.WriteLine("Nothing to rewind: the conversation has no turns yet.", Style.Dim);
            return null;
        }

        var chosen = arguments;
        if (chosen.Length == 0)
        {
            surface.WriteLine("Turns of this conversation:", Style.Dim);
            for (var i = 0; i < prompts.Count; i++)
            {
                surface.Row($"  {i + 1,3}  ", prompts[i], Style.Plain);
            }

            var answer = input.Answer($"└ rewind to before which turn? (1-{prompts.Count}, Enter to cancel): ");
            chosen = answer.Outcome == EditorOutcome.Submit ? answer.Text.Trim() : "";
            if (chosen.Length == 0)
            {
                surface.WriteLine("Nothing rewound.", Style.Dim);
                return null;
            }
        }

        if (!int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn < 1 || turn > prompts.Count)
        {
            surface.WriteLine($"'{TerminalSafe.Line(chosen)}' is not a turn: choose 1 to {prompts.Count} (/rewind lists them). Nothing rewound.", Style.Warning);
            return null;
        }

        var files = input.Choose("└ restore the files too? [y]es, as before that turn · [n]o, leave them as they are (one key): ", "yn");
        if (files.Outcome != EditorOutcome.Submit)
        {
            surface.WriteLine("Nothing rewound.", Style.Dim);
            return null;
        }

        if (await session.Driver.DriveAsync(new Rewind(turn, files.Text == "y"), cancellationToken).ConfigureAwait(false) is RewindCompleted done)
        {
            Show(session, done);
        }

        return null;
    }

    private static void Show(SlashContext session, RewindCompleted done)
    {
        var surface = session.Surface;
        if (done.Outcome == RewindOutcome.Failed)
        {
            surface.WriteLine(done.Message ?? "Rewind failed.", Style.Error);
            return;
        }

        session.Store.Replaced(); // the session file starts again from the shorter conversation
        session.View.Reset();
        RestoredFiles.Show(surface, done.Restored, done.Removed, done.Skipped, "a rewound turn created");

        var files = done.Files ? $"files: {done.Restored.Count} restored, {done.Removed.Count} removed, {done.Skipped.Count} left alone" : "files left as they are";
        surface.WriteLine($"Rewound to before turn {done.Turn}: {done.MessagesRemoved} messages removed; {files}.", Style.Dim);
        if (done.Note is { } note)
        {
            session.Store.AddNote(note);
        }
    }

    /// <summary>The person's words of a prompt: notes Sovereign put before it (an undo, an approved plan) left out; its first line.</summary>
    private static string FirstLine(string text)
    {
        if (text.StartsWith("[Sovereign:", StringComparison.Ordinal) && text.LastIndexOf("\n\n", StringComparison.Ordinal) is var cut and >= 0)
        {
            text = text[(cut + 2)..];
        }

        return text.Trim().Split('\n', 2)[0];
    }
}
