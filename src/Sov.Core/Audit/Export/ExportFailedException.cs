namespace Sov.Core.Audit.Export;

/// <summary>A one-shot export gave up on a batch: exit 3 when the collector could not be reached, 1 when it answered an error.</summary>
public sealed class ExportFailedException(ExportResult result, ExportBatch batch, Uri target)
    : SovException(
        result?.Unreachable == true
            ? $"Cannot reach the collector at {target?.GetLeftPart(UriPartial.Authority)}: {result.Message}"
            : $"The collector at {target} answered {result?.Message} for session {batch?.Session} (records {batch?.FirstSeq}..{batch?.LastSeq}).",
        result?.Unreachable == true
            ? "Check [audit.export] endpoint in config.toml and that the collector is running; nothing is lost, the next export resumes where it stopped."
            : "Check the collector's logs and its OTLP/HTTP receiver (port 4318, path /v1/logs); the next export resumes where it stopped.",
        result?.Unreachable == true ? ExitCodes.Environment : ExitCodes.Failed)
{
    public ExportResult Result { get; } = result!;
}
