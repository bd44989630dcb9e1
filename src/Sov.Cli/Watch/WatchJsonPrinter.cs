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
        json.WriteStartArray("lookups");
        foreach (var lookup in facts.Lookups)
        {
            json.WriteStartObject();
            json.WriteString("name", lookup.Name);
            Strings(json, "addresses", lookup.Addresses);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("connections");
        foreach (var c in facts.Connections)
        {
            json.WriteStartObject();
            json.WriteString("address", c.Endpoint.Address);
            json.WriteNumber("port", c.Endpoint.Port);
            json.WriteString("name", c.Name);
            json.WriteBoolean("hardCoded", c.HardCoded);
            json.WriteBoolean("expected", c.Expected);
            json.WriteBoolean("loopback", c.Endpoint.IsLoopback);
            json.WriteString("result", c.Result);
            json.WriteNumber("bytesSent", c.BytesSent);
            Strings(json, "serverNames", c.ServerNames);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "unixSockets", facts.UnixSockets);
        json.WriteStartArray("relayed");
        foreach (var relayed in report.Relayed)
        {
            json.WriteStartObject();
            json.WriteString("destination", relayed.Destination);
            json.WriteNumber("bytesOut", relayed.BytesOut);
            json.WriteNumber("bytesIn", relayed.BytesIn);
            json.WriteString("error", relayed.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("machineReads");
        foreach (var read in facts.Reads)
        {
            json.WriteStartObject();
            json.WriteString("path", read.Path);
            json.WriteString("kind", MachineReadKinds.Id(read.Kind));
            json.WriteBoolean("found", read.Found);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("environment");
        foreach (var name in facts.Environment)
        {
            json.WriteStartObject();
            json.WriteString("name", name.Name);
            json.WriteString("kind", name.Kind);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("processes");
        foreach (var process in facts.Processes)
        {
            json.WriteStartObject();
            json.WriteString("program", process.Program);
            Strings(json, "arguments", process.Arguments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("hidden");
        foreach (var hidden in report.Hidden)
        {
            json.WriteStartObject();
            json.WriteString("source", hidden.Source);
            json.WriteNumber("line", hidden.Line);
            json.WriteString("rule", hidden.Rule);
            json.WriteString("message", hidden.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "writtenFiles", facts.WrittenFiles);
        json.WriteEndObject();
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
