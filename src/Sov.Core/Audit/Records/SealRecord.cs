using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// Closes a journal. <see cref="Reason"/> is <c>completed</c>, <c>failed</c>, <c>interrupted</c>,
/// <c>closed</c>, or <c>repaired</c> when <c>sov audit verify --repair</c> sealed a crashed session
/// (then <see cref="Note"/> says so and any partial last line is described, never silently dropped).
/// A journal with a <see cref="SealKey"/> writes <c>key_id</c> and <c>mac</c> last (#20).
/// </summary>
public sealed record SealRecord(string Reason, long Records, string? Note = null, long? PartialTailBytes = null,
    string? PartialTailSha256 = null) : IJournalRecord
{
    public string Type => "seal";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("reason", Reason);
        writer.WriteNumber("records", Records);
        if (Note is not null)
        {
            writer.WriteString("note", Note);
        }

        if (PartialTailBytes is { } bytes)
        {
            writer.WriteNumber("partial_tail_bytes", bytes);
            writer.WriteString("partial_tail_sha256", PartialTailSha256);
        }

        if (KeyId is not null)
        {
            writer.WriteString("key_id", KeyId);
        }

        if (Mac is not null)
        {
            writer.WriteString("mac", Mac);
        }
    }

    /// <summary>The <see cref="SealKey.Id"/> of the key the seal is keyed with; null for an unkeyed seal.</summary>
    public string? KeyId { get; init; }

    /// <summary>The HMAC-SHA256 (hex) of the seal's body written without this member (<see cref="SealKey"/>).</summary>
    public string? Mac { get; init; }
}
