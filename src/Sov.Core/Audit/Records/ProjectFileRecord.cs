using System.Text.Json;
using Sov.Core.Files;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A project file Sovereign read on its own at start (<c>use</c>: <c>instructions</c> or <c>command</c>), as the
/// file border let it through: <c>read</c>, <c>truncated</c>, <c>refused</c> or <c>held</c> (a read ask rule), and
/// why. (Issue #12 item 2: these files now cross the file border, so each crossing is journaled.)
/// </summary>
public sealed record ProjectFileRecord(string Use, ProjectFileRead File) : IJournalRecord
{
    public string Type => "project_file";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("use", Use);
        writer.WriteString("path", File.Display);
        writer.WriteString("status", File.Status.ToString().ToLowerInvariant());
        if (File.Reason.Length > 0)
        {
            writer.WriteString("reason", File.Reason);
        }
    }
}
