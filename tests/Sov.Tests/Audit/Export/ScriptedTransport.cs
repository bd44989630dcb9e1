using Sov.Core.Audit.Export;

namespace Sov.Tests.Audit.Export;

/// <summary>An in-memory collector: answers each attempt from a script (then accepts), and keeps the batches it accepted.</summary>
internal sealed class ScriptedTransport(params ExportResult[] script) : IExportTransport
{
    private readonly Queue<ExportResult> _script = new(script);
    private readonly Lock _lock = new();

    public Uri Target { get; } = new("http://127.0.0.1:4318/v1/logs");

    public List<ExportBatch> Accepted { get; } = [];

    public int Attempts { get; private set; }

    /// <summary>A snapshot of the accepted records' text (the exporter may be adding to <see cref="Accepted"/> meanwhile).</summary>
    public IEnumerable<string> Bodies
    {
        get
        {
            lock (_lock)
            {
                return [.. Accepted.SelectMany(b => b.Lines).Select(l => l.Text)];
            }
        }
    }

    public Task<ExportResult> SendAsync(ExportBatch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Attempts++;
            var result = _script.TryDequeue(out var scripted) ? scripted : ExportResult.Accepted;
            if (result.Outcome == ExportOutcome.Accepted)
            {
                Accepted.Add(batch);
            }

            return Task.FromResult(result);
        }
    }
}
