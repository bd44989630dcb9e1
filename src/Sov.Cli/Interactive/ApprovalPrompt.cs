using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;
using Sov.Cli.Terminal.Render;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Text;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Interactive;

/// <summary>
/// Asks the person about one tool call, showing the whole truth: the full command or arguments with
/// hidden characters revealed by the text border, and whether it runs sandboxed. Answers: y once,
/// a always for this session (adds a rule), n no, with an optional reason sent to the model; one key answers (#15.5).
/// Only the person can answer (issue #12): keys typed before the box opens are discarded, and so are keys
/// that arrive during the guard time after the box is drawn and before the question appears; every row
/// of the box starts with the approval mark, which no text from outside can produce
/// (<see cref="PromptMark"/>), and every field from outside stays on its own rows.
/// </summary>
internal sealed class ApprovalPrompt(TerminalSurface surface, IPromptInput input, InteractivePermissionGate gate)
{
    private const string Question = "└ allow? [y]es once · [a]lways this session · [n]o (one key): ";

    /// <summary>Asks about <paramref name="request"/>; <paramref name="previewed"/> when its whole change was
    /// just shown as a diff, so the arguments are not repeated as JSON unless they hide characters.</summary>
    public Submission Ask(ApprovalRequested request, string? previewed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == ApprovalKind.HiddenText)
        {
            // #14: the question a write asks about hidden characters, as the tool used to ask it: the findings, the text revealed.
            return AskYesNo($"{request.Reason}\nRevealed:\n{request.Arguments}\nWrite it anyway?")
                ? new Approve(request.CallId)
                : new Deny(request.CallId, "the person declined to write hidden characters");
        }

        if (request.Kind == ApprovalKind.Plan)
        {
            return AskPlan(request);
        }

        var ignored = input.Open();
        Header($"{request.Name} needs your approval: {request.Reason}");
        var shown = PromptMark.Neutralise(TerminalSafe.Text(TextBorder.Reveal(request.Arguments, SourceKind.Plain)));
        if (previewed is not null && shown == request.Arguments)
        {
            Body($"{previewed}: the change is the diff shown above", Style.Plain);
        }
        else
        {
            Body(shown, Style.Plain);
        }

        if (shown != request.Arguments)
        {
            Body("⚠ hidden characters were revealed above as ⟦…⟧ markers", Style.Warning);
        }

        if (gate.Asked(request.CallId) is { Effect: RunCommand } command)
        {
            if (command.Unsandboxed)
            {
                Body("runs UNSANDBOXED (bubblewrap is unavailable): nothing limits what it reads, writes or reaches", Style.Warning);
            }
            else
            {
                Body("runs in the bubblewrap sandbox: workspace writable, no network", Style.Dim);
            }
        }

        while (true)
        {
            // One fixed row: the rule "always" adds is named once it is added (a question naming untrusted text could wrap and lose the mark).
            var answer = Answer(Question, "yan", ref ignored);
            if (answer.Outcome != EditorOutcome.Submit)
            {
                return new Deny(request.CallId, "the person interrupted");
            }

            switch (answer.Text)
            {
                case "y":
                    return new Approve(request.CallId);
                case "a":
                    surface.Row("  ", gate.AllowAlways(request.CallId), Style.Dim);
                    return new Approve(request.CallId);
                case "n":
                    return new Deny(request.CallId, Reason());
            }
        }
    }

    /// <summary>
    /// A plan (#17), shown above as the model wrote it: approve it and choose the mode to carry it out in (y: ask before each
    /// change, a: auto-edit, f: full-auto), or n to keep planning, with what to change for the model.
    /// </summary>
    private Submission AskPlan(ApprovalRequested request)
    {
        var ignored = input.Open();
        Header("The plan above is ready: approve it, and choose how it is carried out");
        var answer = Answer("└ [y]es, asking before each change · [a]uto-edit · [f]ull-auto · [n]o, keep planning (one key): ", "yafn", ref ignored);
        return answer.Outcome != EditorOutcome.Submit ? new Deny(request.CallId, "the person interrupted")
            : answer.Text switch
            {
                "a" => new Approve(request.CallId, "auto-edit"),
                "f" => new Approve(request.CallId, "full-auto"),
                "n" => new Deny(request.CallId, Reason()),
                _ => new Approve(request.CallId, "ask"),
            };
    }

    /// <summary>
    /// The optional reason after "n". Habit types "n" then Enter (or "no" then Enter): an empty answer, or
    /// "o", that comes within the guard time of the "n" is the rest of that answer, so the question waits on.
    /// </summary>
    private string? Reason()
    {
        const string Prompt = "└ reason for the model (optional, Enter to skip): ";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reason = input.Answer(Prompt);
        if (input is EditorInput && reason.Outcome == EditorOutcome.Submit && reason.Text.Trim() is "" or "o" && clock.Elapsed < AnswerGuard.Time)
        {
            reason = input.Answer(Prompt);
        }

        var text = reason.Outcome == EditorOutcome.Submit ? reason.Text.Trim() : "";
        return text.Length > 0 ? text : null;
    }

    /// <summary>A yes/no question (hidden characters in text about to be written), guarded the same way.</summary>
    private bool AskYesNo(string question)
    {
        var ignored = input.Open();
        var lines = question.Split('\n', 2);
        Header(lines[0]);
        if (lines.Length > 1)
        {
            Body(lines[1], Style.Warning);
        }

        var answer = Answer("└ allow? [y]es · [n]o (one key): ", "yn", ref ignored);
        return answer is { Outcome: EditorOutcome.Submit, Text: "y" };
    }

    /// <summary>The first time: waits out the guard, says if keys were thrown away, then reads at the marked prompt.</summary>
    private EditorResult Answer(string prompt, string choices, ref int ignored)
    {
        if (ignored >= 0)
        {
            ignored += input.Hold();
            if (ignored > 0)
            {
                Body($"(ignored {ignored} key{(ignored == 1 ? "" : "s")} typed before this question appeared: answer now)", Style.Dim);
            }

            ignored = -1;
        }

        return input.Choose(prompt, choices);
    }

    /// <summary>The box's first row, continued on marked rows when long: one line whatever the name or reason hold.</summary>
    private void Header(string text) =>
        new FencedRows(surface, "┌ ", Style.Warning, marked: true, next: "│ ").WriteLines(TerminalSafe.Line(text), Style.Warning);

    /// <summary>Rows of the box: each starts with the mark and the bar, however long or many the lines.</summary>
    private void Body(string text, Style style) => new FencedRows(surface, "│ ", Style.Plain, marked: true).WriteLines(text, style);
}
