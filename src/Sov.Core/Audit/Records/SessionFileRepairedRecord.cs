using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A resumed session file ended in a torn line (a crash while saving): it was cut, its bytes kept aside in
/// <see cref="KeptAs"/>, and the person told (#13.3). Size and SHA-256 only: the bytes may hold a prompt.
/// </summary>
public sealed record SessionFileRepairedRecord(string SessionFile, long Bytes, string Sha256, string KeptAs, bool PromptDropped) : IJournalRecord
{
    public string Type => "session_file_repaired";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("session_file", SessionFile);
        writer.WriteNumber("cut_bytes", Bytes);
        writer.WriteString("cut_sha256", Sha256);
        writer.WriteString("kept_as", KeptAs);
        writer.WriteBoolean("prompt_dropped", PromptDropped);
    }
}
