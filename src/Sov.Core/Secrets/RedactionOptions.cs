namespace Sov.Core.Secrets;

/// <summary>
/// The person's allow-list for false positives (config <c>[redaction] allow = [...]</c>): each entry is either
/// the literal value that must pass, or the 8 hex digits from its <c>[REDACTED:kind:hash8]</c> marker, so a
/// false positive can be allowed without writing the value into the config.
/// </summary>
public sealed record RedactionOptions(IReadOnlyList<string> Allow)
{
    public static RedactionOptions None { get; } = new([]);

    /// <summary>Extra patterns redacted as kind <c>policy-pattern</c>: the managed policy's <c>redaction.patterns</c> (#20).</summary>
    public IReadOnlyList<System.Text.RegularExpressions.Regex> Patterns { get; init; } = [];
}
