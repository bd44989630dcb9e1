using Sov.Core.Config;
using Sov.Core.Secrets;

namespace Sov.Cli.Audit;

/// <summary>
/// The settings the network border and the journal take from the typed configuration (<see cref="SovConfig"/>),
/// from the user's config.toml only (never from the project's <c>.sov/</c>: a repository may not change where
/// requests go or what they may carry). Keys: <c>[network] proxy</c>, <c>[network] ca_file</c>,
/// <c>[redaction] allow</c>, <c>[audit.export] endpoint</c>, <c>[audit] seal_key_file</c> (#20). The model endpoint itself is <see cref="SovSettings.Endpoint"/>.
/// </summary>
public sealed record BorderConfig(
    Uri? Proxy,
    string? CaFile,
    RedactionOptions Redaction,
    Uri? ExportEndpoint)
{
    /// <summary>The file whose key seals every journal (#20); null: unkeyed seals.</summary>
    public string? SealKeyFile { get; init; }

    /// <summary>The seal key, read and checked now (exit 3 for a bad file); null without one.</summary>
    public Core.Audit.SealKey? LoadSealKey() => SealKeyFile is null ? null : Core.Audit.SealKey.Load(SealKeyFile);

    /// <summary>The whole <c>[audit.export]</c> table: streaming, batching, backoff, backlog cap, and whether the policy forces it (#20).</summary>
    public AuditExportSection Export { get; init; } = AuditExportSection.Empty;

    public static BorderConfig Empty { get; } = new(null, null, RedactionOptions.None, null);

    public static BorderConfig From(SovConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var patterns = config.Policy.RedactionPatterns; // the managed policy's extra patterns (#20)
        return new BorderConfig(
            config.Network.Proxy,
            config.Network.CaFile,
            config.Redaction.Allow.Count == 0 && patterns.Count == 0 ? RedactionOptions.None
                : new RedactionOptions([.. config.Redaction.Allow])
                {
                    Patterns = [.. patterns.Select(p => new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))],
                },
            config.AuditExport.Endpoint) { SealKeyFile = config.AuditSeal.KeyFile, Export = config.AuditExport };
    }
}
