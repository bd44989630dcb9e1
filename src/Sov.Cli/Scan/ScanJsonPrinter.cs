using System.Text.Json;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// The JSON report, exactly <c>{"findings":[{"path","line","column","codepoint","category","severity","rule","message"}],
/// "summary":{"files","bytes","skipped","findings"}}</c>. Written with Utf8JsonWriter (no reflection, AOT-safe);
/// non-ASCII is escaped, so hidden characters in paths or messages cannot reach a terminal raw.
/// </summary>
internal static class ScanJsonPrinter
{
    public static async Task WriteAsync(ScanReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var (path, f) in report.Findings.Select(x => (x.Path, x.Finding)))
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteNumber("line", f.Line);
                json.WriteNumber("column", f.Column);
                json.WriteString("codepoint", f.CodePointText);
                json.WriteString("category", TextCategories.Name(f.Category));
                json.WriteString("severity", Severities.Name(f.Severity));
                json.WriteString("rule", f.Rule);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Summary.Files);
            json.WriteNumber("bytes", report.Summary.Bytes);
            json.WriteNumber("skipped", report.Summary.Skipped);
            json.WriteNumber("findings", report.Summary.Findings);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(JsonAscii.Readable(buffer.ToArray())).ConfigureAwait(false);
    }
}
