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
    public static async Task<string?> RefusalAsync(BorderServices services, string display, string text, CancellationToken cancellationToken)
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

        if (services.AskAsync is { } ask)
        {
            var question = $"The text for {display} contains {findings.Count} hidden character(s):{summary}\nRevealed:\n{TextBorder.Reveal(text, SourceKinds.FromPath(display))}\nWrite it anyway?";
            if (await ask(question, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return $"Refused to write {display}: the text contains {findings.Count} hidden Unicode character(s) (the text border blocks them unless the person approves):{summary}\nWrite the text without these characters.";
    }
}
