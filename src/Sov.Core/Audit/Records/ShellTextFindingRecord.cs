using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A hidden or irregular character the text border found in a file a shell command changed (#21): the command has run; the
/// record names the file, the category, the code point and where (1-based line and column), and the severity.
/// </summary>
public sealed record ShellTextFindingRecord(string Path, string Category, string CodePoint, int Line, int Column, string Severity) : IJournalRecord
{
    public string Type => "shell_text_finding";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("path", Path);
        writer.WriteString("category", Category);
        writer.WriteString("code_point", CodePoint);
        writer.WriteNumber("line", Line);
        writer.WriteNumber("column", Column);
        writer.WriteString("severity", Severity);
    }
}
