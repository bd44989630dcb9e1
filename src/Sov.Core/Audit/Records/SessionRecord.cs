using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// Opens every journal: what ran, where, against which endpoint, in which permission mode; and, since #20, where
/// the session joins its folder's chain of sessions: <c>prev_session</c>, <c>prev_session_seq</c> and
/// <c>prev_session_hash</c> name the session that started before it and that session's last whole record then
/// (<c>"prev_session":null</c>: the first of the chain). Journals from before #20 have none of these fields.
/// </summary>
public sealed record SessionRecord(string Session, SessionInfo Info) : IJournalRecord
{
    public string Type => "session";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("session", Session);
        WriteInfo(writer, Info);
        if (!Chained)
        {
            return;
        }

        if (After is null)
        {
            writer.WriteNull(PrevSession);
            return;
        }

        writer.WriteString(PrevSession, After.Session);
        writer.WriteNumber("prev_session_seq", After.Seq);
        writer.WriteString("prev_session_hash", After.Hash);
    }

    public const string PrevSession = "prev_session";

    /// <summary>True for journals started under the folder's anchor (#20): the chain fields are written.</summary>
    public bool Chained { get; init; }

    /// <summary>The predecessor; null with <see cref="Chained"/> for the first session of a chain.</summary>
    public ChainLink? After { get; init; }

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
