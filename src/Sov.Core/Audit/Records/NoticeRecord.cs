using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A warning or an error the person was shown (an empty or cut answer, a stalled stream, a denied call, a
/// retry): the journal says what the screen said (#13.5). The message is cut at <see cref="MaxChars"/>.
/// </summary>
public sealed record NoticeRecord(string Level, string Message, string? Remedy = null, int? ExitCode = null) : IJournalRecord
{
    public const int MaxChars = 2000;

    public string Type => "notice";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("level", Level);
        writer.WriteString("message", Cut(Message));
        if (Remedy is not null)
        {
            writer.WriteString("remedy", Cut(Remedy));
        }

        if (ExitCode is { } code)
        {
            writer.WriteNumber("exit_code", code);
        }
    }

    private static string Cut(string text) =>
        text.Length <= MaxChars ? text : text[..(char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars)] + "…";
}
