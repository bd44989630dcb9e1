using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>The person switched the permission mode mid-session (<c>/mode</c>): what applies from here on (#14).</summary>
public sealed record PermissionModeRecord(string Mode) : IJournalRecord
{
    public string Type => "permission_mode";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("permission_mode", Mode);
    }
}
