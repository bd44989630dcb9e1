using System.Text.Json;
using Sov.Cli.Scan;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// SARIF 2.1.0: one result per finding, rule ids <c>watch/lookup</c>, <c>watch/destination</c>,
/// <c>watch/hardcoded</c>, <c>watch/machine-read</c>, <c>watch/process</c>, <c>watch/hidden</c>.
/// </summary>
internal static class WatchSarifPrinter
{
    public static async Task WriteAsync(WatchReport report, TextWriter output, string version)
    {
        var facts = report.Facts;
        var results = new List<(string Rule, string Level, string Message)>();
        results.AddRange(facts.Lookups.Select(l => ("watch/lookup", "warning", $"DNS lookup of {l.Name}")));
        results.AddRange(report.UnexpectedConnections.Select(c => (c.HardCoded ? "watch/hardcoded" : "watch/destination", c.HardCoded ? "error" : "warning",
            $"{(c.HardCoded ? "hard-coded destination" : "destination")} {c.Endpoint} ({c.Result}, {c.BytesSent} bytes sent{(c.Name is null ? "" : ", from " + c.Name)})")));
        results.AddRange(facts.Reads.Select(r => ("watch/machine-read", "warning", $"{MachineReadKinds.Name(r.Kind)}: {r.Path}{(r.Found ? "" : " (probed, absent)")}")));
        results.AddRange(facts.Processes.Select(p => ("watch/process", "note", $"executed {p.Program}: {string.Join(' ', p.Arguments)}")));
        results.AddRange(report.Hidden.Select(h => ("watch/hidden", "error", $"{h.Source} line {h.Line}: {h.Rule}: {h.Message}")));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "sov watch");
            json.WriteString("semanticVersion", version);
            json.WriteStartArray("rules");
            foreach (var rule in results.Select(r => r.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", rule);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var (rule, level, message) in results)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", rule);
                json.WriteString("level", level);
                json.WriteStartObject("message");
                json.WriteString("text", message);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(JsonAscii.Readable(buffer.ToArray())).ConfigureAwait(false);
    }
}
