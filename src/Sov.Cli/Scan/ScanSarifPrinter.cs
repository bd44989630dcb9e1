using System.Globalization;
using System.Text.Json;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, a rule per rule id (with <c>security-severity</c>),
/// results with relative URIs against <c>%SRCROOT%</c> and code-point columns; suppressed findings are results too,
/// with <c>suppressions</c> (never dropped).
/// </summary>
internal static class ScanSarifPrinter
{
    public static async Task WriteAsync(ScanReport report, TextWriter output, string version)
    {
        var all = report.Findings.Select(f => (f.Path, f.Finding, Suppression: (SuppressedFinding?)null))
            .Concat(report.Suppressed.Select(s => (s.Path, s.Suppressed.Finding, Suppression: (SuppressedFinding?)s.Suppressed)))
            .OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Finding.Line).ThenBy(x => x.Finding.Column).ToList();
        var rules = all.Select(f => f.Finding.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleInfo = all.GroupBy(f => f.Finding.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.Finding.Severity)!.Finding, StringComparer.Ordinal);
        await SarifEnvelope.WriteAsync(output, "sov", version, json =>
        {
            foreach (var rule in rules)
            {
                var sample = ruleInfo[rule];
                json.WriteStartObject();
                json.WriteString("id", rule);
                json.WriteString("name", rule);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", $"Hidden Unicode ({TextCategories.Name(sample.Category)}): {rule}");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(sample.Severity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue("security");
                json.WriteStringValue(TextCategories.Name(sample.Category));
                json.WriteEndArray();
                json.WriteString("security-severity", SecuritySeverity(sample.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }, json =>
        {
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteStartArray("results");
            foreach (var (path, f, suppression) in all)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.Rule);
                json.WriteNumber("ruleIndex", rules.BinarySearch(f.Rule, StringComparer.Ordinal));
                json.WriteString("level", Level(f.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", f.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                var (uri, relative) = Uri(path);
                json.WriteString("uri", uri);
                if (relative)
                {
                    json.WriteString("uriBaseId", "%SRCROOT%");
                }

                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", f.Line);
                json.WriteNumber("startColumn", f.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString("sovFinding/v1", $"{path}:{f.Rule}:{f.CodePointText}:{f.Line}");
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", TextCategories.Name(f.Category));
                json.WriteString("severity", Severities.Name(f.Severity));
                json.WriteString("codepoint", f.CodePointText);
                json.WriteEndObject();
                if (suppression is not null)
                {
                    WriteSuppression(json, suppression);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary>SARIF's <c>suppressions</c>: <c>inSource</c> for a marker, <c>external</c> for .sovscan.toml or the baseline, with the justification.</summary>
    private static void WriteSuppression(Utf8JsonWriter json, SuppressedFinding suppression)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
        json.WriteString("status", "accepted");
        json.WriteString("justification", suppression.Justification);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 1.0,
    }).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Relative paths become percent-encoded relative URIs; absolute ones file:// URIs.</summary>
    private static (string Uri, bool Relative) Uri(string path)
    {
        var normalized = path.Replace('\\', '/');
        var relative = !Path.IsPathRooted(path);
        if (relative && normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        var escaped = string.Join('/', normalized.Split('/').Select(System.Uri.EscapeDataString));
        return relative ? (escaped, true) : ("file://" + escaped, false);
    }
}
