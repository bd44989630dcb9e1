using System.Globalization;
using Sov.Cli.Terminal;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// The report for a person: one section per category with its verdict, then a verdict line. Everything the
/// watched command chose (names, paths, arguments) goes through <see cref="TerminalSafe"/>.
/// </summary>
internal static class WatchTextPrinter
{
    public static async Task WriteAsync(WatchReport report, TextWriter output)
    {
        var facts = report.Facts;
        var w = new List<string>
        {
            $"sov watch: {Safe(report.Command)} (exit {report.ExitCode}{(report.Contained ? ", contained" : string.Empty)})",
            string.Empty,
            Head("Network", report, WatchCategory.Hosts, WatchCategory.HardCoded),
        };
        w.Add($"  DNS lookups ({facts.Lookups.Count}){(facts.Lookups.Count == 0 ? ": none" : ":")}");
        w.AddRange(facts.Lookups.Select(l => $"    {Safe(l.Name)}{(l.Addresses.Count > 0 ? " -> " + string.Join(", ", l.Addresses) : string.Empty)}"));
        w.Add($"  destinations ({facts.Connections.Count}){(facts.Connections.Count == 0 ? ": none" : ":")}");
        w.AddRange(facts.Connections.Select(Destination));
        w.Add($"  unix sockets ({facts.UnixSockets.Count}){(facts.UnixSockets.Count == 0 ? ": none" : ":")}");
        w.AddRange(facts.UnixSockets.Select(u => $"    {Safe(u)}"));
        if (report.Contained)
        {
            w.Add($"  relayed to allowed endpoints ({report.Relayed.Count}), journal session {report.Journal}:");
            w.AddRange(report.Relayed.Select(r => $"    {Safe(r.Destination)}: {r.BytesOut} bytes out, {r.BytesIn} bytes in{(r.Error is null ? string.Empty : ", " + Safe(r.Error))}"));
        }

        w.Add(string.Empty);
        w.Add(Head("Machine reads", report, WatchCategory.MachineReads));
        if (facts.Reads.Count == 0)
        {
            w.Add("  none outside the workspace that reveal the machine");
        }

        foreach (var group in facts.Reads.GroupBy(r => r.Kind))
        {
            w.Add($"  {MachineReadKinds.Name(group.Key)}:");
            w.AddRange(group.Select(r => $"    {Safe(r.Path)}{(r.Found ? string.Empty : " (probed, absent)")}"));
        }

        w.Add(facts.Environment.Count == 0
            ? "  environment given: no proxy, key or locale variables"
            : "  environment given (names only): " + string.Join(", ", facts.Environment.Select(e => $"{Safe(e.Name)} ({e.Kind})")));
        w.Add(string.Empty);
        w.Add(Head("Processes", report, WatchCategory.Processes));
        w.AddRange(facts.Processes.Count == 0 ? ["  none besides the command"] : facts.Processes.Select(p => $"  {Safe(p.Program)}: {Safe(string.Join(' ', p.Arguments))}"));
        w.Add(string.Empty);
        w.Add(Head("Output", report, WatchCategory.Hidden));
        w.Add($"  scanned: stdout, stderr, {facts.WrittenFiles.Count} file(s) written in the workspace, bytes sent to {facts.SentPayloads.Count} destination(s)");
        w.AddRange(report.Hidden.Select(h => $"  {Safe(h.Source)} line {h.Line}: {h.Rule}: {Safe(h.Message)}"));
        w.Add(string.Empty);
        w.Add("Verdict: " + string.Join(", ", Enum.GetValues<WatchCategory>().Select(c => $"{WatchCategories.Name(c)} {(report.Flagged(c) ? "FLAGGED" : "clean")}")));
        foreach (var line in w)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Head(string title, WatchReport report, params WatchCategory[] categories)
    {
        var flagged = categories.Where(report.Flagged).Select(c => $"{WatchCategories.Name(c)} {report.Count(c)}").ToList();
        return $"{title}: {(flagged.Count == 0 ? "clean" : "FLAGGED (" + string.Join(", ", flagged) + ")")}";
    }

    private static string Destination(WatchConnection c)
    {
        var tags = new List<string>();
        if (c.HardCoded)
        {
            tags.Add("HARD-CODED (no lookup gave this address)");
        }

        if (c.Expected)
        {
            tags.Add("expected");
        }
        else if (c.IsResolver)
        {
            tags.Add("resolver");
        }
        else if (c.Endpoint.IsLoopback)
        {
            tags.Add("loopback");
        }

        if (c.Name is not null)
        {
            tags.Add($"from {Safe(c.Name)}");
        }

        if (c.ServerNames.Count > 0)
        {
            tags.Add("TLS server name " + Safe(string.Join(", ", c.ServerNames)));
        }

        return $"    {c.Endpoint}: {c.Result}, {c.BytesSent.ToString(CultureInfo.InvariantCulture)} bytes sent{(tags.Count > 0 ? "; " + string.Join("; ", tags) : string.Empty)}";
    }

    private static string Safe(string text) => TerminalSafe.Line(text);
}
