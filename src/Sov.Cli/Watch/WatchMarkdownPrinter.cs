using System.Globalization;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>The report as Markdown tables, for a pull request or docs/trust.md.</summary>
internal static class WatchMarkdownPrinter
{
    public static async Task WriteAsync(WatchReport report, TextWriter output)
    {
        var facts = report.Facts;
        var w = new List<string>
        {
            $"### `{Cell(report.Command)}`",
            string.Empty,
            $"Exit {report.ExitCode}{(report.Contained ? ", contained" : string.Empty)}.",
            string.Empty,
            "| category | verdict | findings |",
            "|---|---|---|",
        };
        w.AddRange(Enum.GetValues<WatchCategory>().Select(c =>
            $"| {WatchCategories.Name(c)} | {(report.Flagged(c) ? "**flagged**" : "clean")} | {report.Count(c).ToString(CultureInfo.InvariantCulture)} |"));
        Table(w, "DNS lookups", ["name", "addresses"], facts.Lookups.Select(l => new[] { l.Name, string.Join(", ", l.Addresses) }));
        Table(w, "Destinations", ["destination", "result", "bytes sent", "name", "TLS server names", "flags"], facts.Connections.Select(c => new[]
        {
            c.Endpoint.ToString(), c.Result, c.BytesSent.ToString(CultureInfo.InvariantCulture), c.Name ?? string.Empty,
            string.Join(", ", c.ServerNames), string.Join(", ", new[] { c.HardCoded ? "hard-coded" : "", c.Expected ? "expected" : "" }.Where(s => s.Length > 0)),
        }));
        Table(w, "Unix sockets", ["path"], facts.UnixSockets.Select(u => new[] { u }));
        Table(w, "Machine reads", ["what it reveals", "path", "found"], facts.Reads.Select(r => new[] { MachineReadKinds.Name(r.Kind), r.Path, r.Found ? "yes" : "probed, absent" }));
        Table(w, "Environment given (names only)", ["name", "kind"], facts.Environment.Select(e => new[] { e.Name, e.Kind }));
        Table(w, "Processes", ["program", "arguments"], facts.Processes.Select(p => new[] { p.Program, string.Join(' ', p.Arguments) }));
        Table(w, "Hidden text", ["source", "line", "rule", "message"], report.Hidden.Select(h => new[] { h.Source, h.Line.ToString(CultureInfo.InvariantCulture), h.Rule, h.Message }));
        foreach (var line in w)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static void Table(List<string> w, string title, string[] header, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.Add(string.Empty);
        w.Add($"#### {title}");
        w.Add(string.Empty);
        w.Add("| " + string.Join(" | ", header) + " |");
        w.Add("|" + string.Concat(header.Select(_ => "---|")));
        w.AddRange(list.Select(r => "| " + string.Join(" | ", r.Select(Cell)) + " |"));
    }

    /// <summary>Table-safe and terminal-safe: pipes escaped, hidden characters revealed.</summary>
    internal static string Cell(string text) =>
        Terminal.TerminalSafe.Line(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
