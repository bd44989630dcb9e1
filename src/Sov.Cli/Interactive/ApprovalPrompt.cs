using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Text;

namespace Sov.Cli.Interactive;

/// <summary>
/// Asks the person about one tool call, showing the whole truth: the full command or arguments with
/// hidden characters revealed by the text border, and whether it runs sandboxed. Answers: y once,
/// a always for this session (adds a rule), n no, with an optional reason sent to the model.
/// </summary>
internal sealed class ApprovalPrompt(TerminalSurface surface, IPromptInput input, InteractivePermissionGate gate)
{
    public Submission Ask(ApprovalRequested request)
    {
        surface.WriteLine($"┌ {request.Name} needs your approval: {request.Reason}", Style.Warning);
        var shown = TerminalSafe.Text(TextBorder.Reveal(request.Arguments, SourceKind.Plain));
        foreach (var line in shown.Split('\n'))
        {
            surface.WriteLine("│ " + line);
        }

        if (shown != request.Arguments)
        {
            surface.WriteLine("│ ⚠ hidden characters were revealed above as ⟦…⟧ markers", Style.Warning);
        }

        if (request.Name == "shell")
        {
            surface.WriteLine("│ runs in the bubblewrap sandbox: workspace writable, no network", Style.Dim);
        }

        while (true)
        {
            var answer = input.Read($"└ allow? [y]es once · {gate.AlwaysChoice(request.CallId)} · [n]o: ");
            if (answer.Outcome != Terminal.Input.EditorOutcome.Submit)
            {
                return new Deny(request.CallId, "the person interrupted");
            }

            switch (answer.Text.Trim().ToLowerInvariant())
            {
                case "y" or "yes":
                    return new Approve(request.CallId);
                case "a" or "always":
                    surface.WriteLine("  " + gate.AllowAlways(request.CallId), Style.Dim);
                    return new Approve(request.CallId);
                case "n" or "no":
                    var reason = input.Read("  reason for the model (optional): ");
                    return new Deny(request.CallId, reason.Outcome == Terminal.Input.EditorOutcome.Submit && reason.Text.Trim().Length > 0
                        ? reason.Text.Trim()
                        : null);
            }
        }
    }
}
