namespace Sov.Core.Secrets;

/// <summary>A request body after redaction: the exact bytes to send, and what was replaced.</summary>
public sealed record BodyRedaction(byte[] Bytes, IReadOnlyList<Redaction> Redactions)
{
    public bool Changed => Redactions.Count > 0;
}
