using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// The permission mode was switched mid-session: what applies from here on (#14), and <see cref="By"/> what switched it
/// (<c>/mode</c>, <c>/plan</c>, <c>shift+tab</c>, or <c>plan</c>: the person approved a plan and chose it, #17).
/// </summary>
public sealed record PermissionModeRecord(string Mode) : IJournalRecord
{
    public string? By { get; init; }

    public string Type => "permission_mode";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("permission_mode", Mode);
        if (By is not null)
        {
            writer.WriteString("by", By);
        }
    }
}
