using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>Reads a journal's well-formed lines in order (verification is <see cref="JournalVerifier"/>'s job).</summary>
public static class JournalReader
{
    public static IEnumerable<JournalLine> Read(string path)
    {
        foreach (var text in File.ReadLines(path))
        {
            if (Parse(text) is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>One line as a record, or null when it is not one (a malformed line: verification reports it; readers skip it).</summary>
    public static JournalLine? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return new JournalLine(text,
                root.GetProperty("seq").GetInt64(),
                root.GetProperty("type").GetString() ?? "",
                root.GetProperty("ts").GetString() ?? "",
                root.GetProperty("hash").GetString() ?? "",
                root.TryGetProperty("body_sha256", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
