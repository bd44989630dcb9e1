using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>A file the agent wrote: its workspace path and SHA-256 before (null when new) and after.</summary>
public sealed record FileWriteRecord(string Path, string? BeforeSha256, string? AfterSha256) : IJournalRecord
{
    public string Type => "file_write";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("path", Path);
        writer.WriteString("before_sha256", BeforeSha256);
        writer.WriteString("after_sha256", AfterSha256);
    }
}
