using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A rewind (#17): the conversation went back to before turn <see cref="Turn"/>, <see cref="MessagesRemoved"/> messages fewer;
/// whether the person asked for the files too, how many were restored or removed (each checkpoint undone has its own
/// <c>undo</c> record, by <c>/rewind</c>, with the hashes) and what was left alone, with why.
/// </summary>
public sealed record RewindRecord(int Turn, int MessagesRemoved, bool Files, int Restored, int Removed, IReadOnlyList<string> Left) : IJournalRecord
{
    public string Type => "rewind";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("turn", Turn);
        writer.WriteNumber("messages_removed", MessagesRemoved);
        writer.WriteBoolean("files", Files);
        writer.WriteNumber("files_restored", Restored);
        writer.WriteNumber("files_removed", Removed);
        writer.WriteStartArray("left");
        foreach (var line in Left)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }
}
