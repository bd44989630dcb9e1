namespace Sov.Core.Secrets;

/// <summary>One secret replaced: its kind, the first 8 hex digits of its SHA-256, where it was in the input.</summary>
public sealed record Redaction(string Kind, string Hash8, int Start, int Length)
{
    /// <summary>What replaced it: <c>[REDACTED:kind:hash8]</c>.</summary>
    public string Marker => $"[REDACTED:{Kind}:{Hash8}]";
}
