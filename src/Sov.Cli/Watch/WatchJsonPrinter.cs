using System.Text.Json;
using Sov.Cli.Scan;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// The JSON report (documented in docs/watch.md): <c>command</c>, <c>exitCode</c>, <c>contained</c>,
/// <c>journal</c> (contain mode's session), <c>verdicts</c> (per category: <c>flagged</c>, <c>count</c>), <c>network</c> (<c>lookups</c>,
/// <c>connections</c>, <c>unixSockets</c>, <c>relayed</c>), <c>machineReads</c>, <c>environment</c>, <c>processes</c>,
/// <c>hidden</c>, <c>writtenFiles</c>. Non-ASCII is escaped, as in every JSON Sovereign prints.
/// </summary>
internal static class WatchJsonPrinter
{
    public static async Task WriteAsync(WatchReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, report);
        }

        await output.WriteLineAsync(JsonAscii.Readable(buffer.ToArray())).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter json, WatchReport report)
    {
        var facts = report.Facts;
        json.WriteStartObject();
        json.WriteString("command", report.Command);
        json.WriteNumber("exitCode", report.ExitCode);
        json.WriteBoolean("contained", report.Contained);
        json.WriteString("journal", report.Journal);
        json.WriteStartObject("verdicts");
        foreach (var category in Enum.GetValues<WatchCategory>())
        {
            json.WriteStartObject(WatchCategories.Name(category));
            json.WriteBoolean("flagged", report.Flagged(category));
            json.WriteNumber("count", report.Count(category));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("network");
        Objects(json, "lookups", facts.Lookups, (w, lookup) =>
        {
            w.WriteString("name", lookup.Name);
            Strings(w, "addresses", lookup.Addresses);
        });
        Objects(json, "connections", facts.Connections, (w, c) =>
        {
            w.WriteString("address", c.Endpoint.Address);
            w.WriteNumber("port", c.Endpoint.Port);
            w.WriteString("name", c.Name);
            w.WriteBoolean("hardCoded", c.HardCoded);
            w.WriteBoolean("expected", c.Expected);
            w.WriteBoolean("loopback", c.Endpoint.IsLoopback);
            w.WriteString("result", c.Result);
            w.WriteNumber("bytesSent", c.BytesSent);
            Strings(w, "serverNames", c.ServerNames);
        });
        Strings(json, "unixSockets", facts.UnixSockets);
        Objects(json, "relayed", report.Relayed, (w, relayed) =>
        {
            w.WriteString("destination", relayed.Destination);
            w.WriteNumber("bytesOut", relayed.BytesOut);
            w.WriteNumber("bytesIn", relayed.BytesIn);
            w.WriteString("error", relayed.Error);
        });
        json.WriteEndObject();
        Objects(json, "machineReads", facts.Reads, (w, read) =>
        {
            w.WriteString("path", read.Path);
            w.WriteString("kind", MachineReadKinds.Id(read.Kind));
            w.WriteBoolean("found", read.Found);
        });
        Objects(json, "environment", facts.Environment, (w, name) =>
        {
            w.WriteString("name", name.Name);
            w.WriteString("kind", name.Kind);
        });
        Objects(json, "processes", facts.Processes, (w, process) =>
        {
            w.WriteString("program", process.Program);
            Strings(w, "arguments", process.Arguments);
        });
        Objects(json, "hidden", report.Hidden, (w, hidden) =>
        {
            w.WriteString("source", hidden.Source);
            w.WriteNumber("line", hidden.Line);
            w.WriteString("rule", hidden.Rule);
            w.WriteString("message", hidden.Message);
        });
        Strings(json, "writtenFiles", facts.WrittenFiles);
        json.WriteEndObject();
    }

    /// <summary>An array of objects, one per item, each written by <paramref name="write"/> between its braces.</summary>
    private static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
