using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>Opens every journal: what ran, where, against which endpoint, in which permission mode.</summary>
public sealed record SessionRecord(string Session, SessionInfo Info) : IJournalRecord
{
    public string Type => "session";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("session", Session);
        writer.WriteString("kind", Info.Kind);
        writer.WriteString("version", Info.Version);
        writer.WriteString("config_digest", Info.ConfigDigest);
        writer.WriteString("workspace", Info.Workspace);
        writer.WriteString("model", Info.Model);
        writer.WriteString("endpoint", Info.Endpoint);
        writer.WriteString("permission_mode", Info.PermissionMode);
    }
}
