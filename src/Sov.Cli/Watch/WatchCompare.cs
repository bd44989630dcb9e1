using System.Globalization;
using System.Text.Json;
using Sov.Core;

namespace Sov.Cli.Watch;

/// <summary>
/// <c>sov watch --compare REPORT.json...</c>: one Markdown table, a column per report (named by its file),
/// a row per measure: verdicts, names looked up, hard-coded destinations, bytes sent to the expected endpoints,
/// what the machine reads revealed, programs run, hidden-text findings.
/// </summary>
internal static class WatchCompare
{
    private static readonly string[] Kinds = ["time-zone", "host-identity", "network-config", "credentials", "shell-history"];

    public static async Task WriteAsync(IReadOnlyList<string> files, TextWriter output, CancellationToken cancellationToken)
    {
        var reports = new List<(string Name, JsonElement Root)>();
        foreach (var file in files)
        {
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
                var root = document.RootElement.Clone();
                _ = root.GetProperty("verdicts");
                reports.Add((Path.GetFileNameWithoutExtension(file), root));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new SovException($"cannot read {file} as a watch report: {PlainErrors.Describe(e)}",
                    "Give files written by sov watch --format json.", ExitCodes.Usage);
            }
        }

        var rows = new List<(string Measure, Func<JsonElement, string> Value)>
        {
            ("exit code", r => r.GetProperty("exitCode").GetInt32().ToString(CultureInfo.InvariantCulture)),
            ("DNS names looked up", r => List(Array(r, "network", "lookups").Select(l => l.GetProperty("name").GetString()!))),
            ("hard-coded destinations", r => List(Array(r, "network", "connections").Where(c => c.GetProperty("hardCoded").GetBoolean()).Select(Destination))),
            ("other destinations", r => List(Array(r, "network", "connections")
                .Where(c => !c.GetProperty("hardCoded").GetBoolean() && !c.GetProperty("expected").GetBoolean() && !c.GetProperty("loopback").GetBoolean() && c.GetProperty("port").GetInt32() != 53)
                .Select(Destination))),
            ("bytes sent to the expected endpoints", r => Array(r, "network", "connections").Where(c => c.GetProperty("expected").GetBoolean())
                .Sum(c => c.GetProperty("bytesSent").GetInt64()).ToString("N0", CultureInfo.InvariantCulture)),
            ("TLS server names", r => List(Array(r, "network", "connections").SelectMany(c => c.GetProperty("serverNames").EnumerateArray().Select(n => n.GetString()!)))),
            ("machine reads", r => List(Kinds.Select(k => (k, Array(r, "machineReads").Count(m => m.GetProperty("kind").GetString() == k))).Where(x => x.Item2 > 0).Select(x => $"{x.k} {x.Item2}"))),
            ("programs run", r => List(Array(r, "processes").Select(p => Path.GetFileName(p.GetProperty("program").GetString()!)).Distinct(StringComparer.Ordinal))),
            ("hidden-text findings", r => Array(r, "hidden").Count().ToString(CultureInfo.InvariantCulture)),
        };
        await output.WriteLineAsync("| measure | " + string.Join(" | ", reports.Select(r => WatchMarkdownPrinter.Cell(r.Name))) + " |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|" + string.Concat(reports.Select(_ => "---|"))).ConfigureAwait(false);
        foreach (var (measure, value) in rows)
        {
            await output.WriteLineAsync($"| {measure} | " + string.Join(" | ", reports.Select(r => WatchMarkdownPrinter.Cell(value(r.Root)))) + " |").ConfigureAwait(false);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, params string[] path)
    {
        var at = root;
        foreach (var name in path)
        {
            at = at.GetProperty(name);
        }

        return at.EnumerateArray();
    }

    private static string Destination(JsonElement c)
    {
        var address = c.GetProperty("address").GetString()!;
        var port = c.GetProperty("port").GetInt32().ToString(CultureInfo.InvariantCulture);
        return address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
