namespace Sov.Core.Secrets;

/// <summary>Text after redaction and what was replaced (empty when nothing was).</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<Redaction> Redactions)
{
    public bool Changed => Redactions.Count > 0;
}
