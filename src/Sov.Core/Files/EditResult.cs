namespace Sov.Core.Files;

/// <summary>
/// The outcome of one edit: the new text and how many places changed, or an error written for the model
/// to retry with. <see cref="Note"/> says when the whitespace-tolerant fallback matched, and what.
/// </summary>
public sealed record EditResult(bool Ok, string Text, int Replacements, string Message, string? Note = null)
{
    public static EditResult Fail(string message) => new(false, "", 0, message);
}
