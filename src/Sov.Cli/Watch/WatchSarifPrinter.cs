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
        await SarifEnvelope.WriteAsync(output, "sov watch", version, json =>
        {
            foreach (var rule in results.Select(r => r.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", rule);
                json.WriteEndObject();
            }
        }, json =>
        {
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
        }).ConfigureAwait(false);
    }
}
