using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// Opens a later segment of a session's journal (#14): the session was continued (<c>--continue</c>,
/// <c>--resume ID</c>) or acted on again (<c>sov undo</c>). It follows the earlier segment's seal, its <c>prev</c>
/// is that seal's hash and <c>seq</c> counts on, so one chain runs through every segment; <see cref="Segment"/>
/// is 2 for the first continuation. It states the same facts as the <c>session</c> record, as they are now.
/// </summary>
public sealed record ResumeRecord(string Session, long Segment, SessionInfo Info) : IJournalRecord
{
    public const string TypeName = "resume";

    public string Type => TypeName;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("session", Session);
        writer.WriteNumber("segment", Segment);
        SessionRecord.WriteInfo(writer, Info);
    }
}
