namespace Sov.Core.Audit.Export;

/// <summary>Sends one batch to the collector (OTLP/HTTP through the egress gate in the command line's implementation).</summary>
public interface IExportTransport
{
    /// <summary>Where batches go, for messages and the cursor.</summary>
    Uri Target { get; }

    Task<ExportResult> SendAsync(ExportBatch batch, CancellationToken cancellationToken);
}
