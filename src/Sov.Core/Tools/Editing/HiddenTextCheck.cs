using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// The text border on the way into a file: text the model wants written is inspected for hidden
/// Unicode (bidi controls, tag characters, zero-width and other invisible characters...). Findings
/// block the write unless the person approves after seeing them revealed.
/// </summary>
internal static class HiddenTextCheck
{
    /// <summary>Null when the text may be written; otherwise the refusal for the model.</summary>
    public static async Task<string?> RefusalAsync(ToolContext? context, string display, string text, CancellationToken cancellationToken)
    {
        var findings = TextBorder.Inspect(text, SourceKinds.FromPath(display), Severity.Medium);
        if (findings.Count == 0)
        {
            return null;
        }

        var summary = new StringBuilder();
        foreach (var f in findings.Take(5))
        {
            summary.Append($"\n  line {f.Line}, column {f.Column}: {f.CodePointText} {f.Message}");
        }

        if (findings.Count > 5)
        {
            summary.Append($"\n  ... and {findings.Count - 5} more");
        }

        // #14: asked as an approval_requested event of kind hidden_text (the front end answers), never at the terminal from here.
        if (context?.AskAsync is { } ask)
        {
            var reason = $"The text for {display} contains {findings.Count} hidden character(s):{summary}";
            if (await ask(Agent.Events.ApprovalKind.HiddenText, reason, TextBorder.Reveal(text, SourceKinds.FromPath(display)), cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return $"Refused to write {display}: the text contains {findings.Count} hidden Unicode character(s) (the text border blocks them unless the person approves):{summary}\nWrite the text without these characters.";
    }
}
