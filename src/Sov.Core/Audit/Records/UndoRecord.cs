using System.Text.Json;
using Sov.Core.Files.Checkpoints;

namespace Sov.Core.Audit.Records;

/// <summary>
/// An undo (<c>/undo</c> or <c>sov undo</c>, #14): the turn it undid, each file restored or removed with the
/// SHA-256 it had and the one it has now (null when removed), and the files left alone with why.
/// </summary>
public sealed record UndoRecord(string By, UndoReport Report) : IJournalRecord
{
    public string Type => "undo";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("by", By);
        writer.WriteString("turn", Report.Turn);
        writer.WriteString("turn_session", Report.Session);
        writer.WriteBoolean("interrupted_turn", Report.Interrupted);
        writer.WriteStartArray("files");
        foreach (var change in Report.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("path", change.Path);
            writer.WriteString("action", change.ToSha256 is null ? "removed" : "restored");
            writer.WriteString("from_sha256", change.FromSha256);
            writer.WriteString("to_sha256", change.ToSha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("left");
        foreach (var line in Report.Skipped)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }
}
