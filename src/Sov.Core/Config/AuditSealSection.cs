namespace Sov.Core.Config;

/// <summary>
/// The <c>[audit]</c> table's <c>seal_key_file</c> (#20): a file of at least 32 random bytes, private to the person,
/// that keys every journal seal (resolved against the config's folder); null: seals are unkeyed.
/// </summary>
public sealed record AuditSealSection(string? KeyFile)
{
    public static AuditSealSection Empty { get; } = new((string?)null);

    public static AuditSealSection Read(ConfigSection? table) =>
        table?.Text("seal_key_file") is { } file ? new(Path.GetFullPath(file, Path.GetDirectoryName(table.Document.Path)!)) : Empty;
}
