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
        WriteInfo(writer, Info);
    }

    /// <summary>The fields a <c>session</c> and a <c>resume</c> record share.</summary>
    internal static void WriteInfo(Utf8JsonWriter writer, SessionInfo info)
    {
        writer.WriteString("kind", info.Kind);
        writer.WriteString("version", info.Version);
        writer.WriteString("config_digest", info.ConfigDigest);
        writer.WriteString("workspace", info.Workspace);
        writer.WriteString("model", info.Model);
        writer.WriteString("endpoint", info.Endpoint);
        writer.WriteString("permission_mode", info.PermissionMode);
        if (info.PolicySha256 is { } policy)
        {
            writer.WriteString("policy_sha256", policy);
        }
    }
}
