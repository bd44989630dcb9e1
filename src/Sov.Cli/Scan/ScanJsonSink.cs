using System.Text.Json;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// The JSON report, streamed: <c>{"findings":[...]</c> is written finding by finding as files finish, then
/// <c>"summary":{"files","bytes","skipped","findings"}</c> (plus <c>"suppressed"</c> and <c>"omitted"</c> counts when
/// not zero) and, when the per-file cap was reached, <c>"omitted":[{"path","category","count"}]</c> before it.
/// Each finding is exactly <c>{"path","line","column","codepoint","category","severity","rule","message"}</c>.
/// Non-ASCII is escaped, so hidden characters in paths or messages cannot reach a terminal raw.
/// </summary>
internal sealed class ScanJsonSink(TextWriter output) : IScanSink
{
    private readonly List<ScanOmitted> _omitted = [];
    private bool _started;
    private bool _first = true;

    public void Add(FileReport file)
    {
        Start();
        using var buffer = new MemoryStream();
        foreach (var f in file.Findings)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                WriteFinding(json, file.Path, f);
            }

            output.Write(_first ? string.Empty : ",");
            output.Write(JsonAscii.Readable(buffer.ToArray()));
            _first = false;
        }

        _omitted.AddRange(file.Omitted.OrderBy(p => p.Key).Select(p => new ScanOmitted(file.Path, p.Key, p.Value)));
        output.Flush();
    }

    public void Finish(ScanReport report)
    {
        Start();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (_omitted.Count > 0)
            {
                json.WriteStartArray("omitted");
                foreach (var o in _omitted)
                {
                    json.WriteStartObject();
                    json.WriteString("path", o.Path);
                    json.WriteString("category", TextCategories.Name(o.Category));
                    json.WriteNumber("count", o.Count);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            var s = report.Summary;
            json.WriteStartObject("summary");
            json.WriteNumber("files", s.Files);
            json.WriteNumber("bytes", s.Bytes);
            json.WriteNumber("skipped", s.Skipped);
            json.WriteNumber("findings", s.Findings);
            if (s.Suppressed > 0)
            {
                json.WriteNumber("suppressed", s.Suppressed);
            }

            if (s.Omitted > 0)
            {
                json.WriteNumber("omitted", s.Omitted);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // the tail object's opening brace is dropped: it continues the object opened by Start
        output.WriteLine("]," + JsonAscii.Readable(buffer.ToArray())[1..]);
    }

    private static void WriteFinding(Utf8JsonWriter json, string path, TextFinding f)
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

    private void Start()
    {
        if (!_started)
        {
            _started = true;
            output.Write("{\"findings\":[");
        }
    }
}
