namespace Sov.Core.Config;

/// <summary>The <c>[audit.export]</c> table: where <c>sov audit export</c> sends the journal (no credentials in the URL).</summary>
public sealed record AuditExportSection(Uri? Endpoint)
{
    public static AuditExportSection Empty { get; } = new((Uri?)null);

    public static AuditExportSection Read(ConfigSection? table) =>
        table is null ? Empty
        : new(NetworkSection.HttpUrl(table, "endpoint") is { } url ? UrlCredentials.Refuse(url, "audit.export.endpoint") : null);
}
