using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>Reads a journal's well-formed lines in order (verification is <see cref="JournalVerifier"/>'s job).</summary>
public static class JournalReader
{
    public static IEnumerable<JournalLine> Read(string path)
    {
        foreach (var text in File.ReadLines(path))
        {
            JournalLine? line = null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                line = new JournalLine(text,
                    root.GetProperty("seq").GetInt64(),
                    root.GetProperty("type").GetString() ?? "",
                    root.GetProperty("ts").GetString() ?? "",
                    root.GetProperty("hash").GetString() ?? "",
                    root.TryGetProperty("body_sha256", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A malformed line: verification reports it; readers skip it.
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }
}
