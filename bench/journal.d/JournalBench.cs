#:project ../../src/Sov.Core/Sov.Core.csproj
#:property PublishAot=false
// Journal and redaction costs: fsynced append latency, verify speed, redaction throughput on a
// realistic ~100 KB chat-completions body. Prints one line of figures for bench/journal.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Secrets;

var dir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("sov-journal-bench-").FullName;
var appends = 500;
var latencies = new List<double>();
string path;
using (var journal = Journal.Start(dir, new SessionInfo("bench", "none", "/w", "m", "http://127.0.0.1:8000/v1", "ask")))
{
    path = journal.FilePath;
    for (var i = 0; i < appends; i++)
    {
        var t = Stopwatch.GetTimestamp();
        journal.Append(new ToolCallRecord($"call_{i}", "read_file", "{\"path\":\"src/Program.cs\"}", "allow", "rule"));
        latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
}

latencies.Sort();
JournalVerifier.Verify(path); // warm-up (JIT)
var verifyClock = Stopwatch.StartNew();
var verified = JournalVerifier.Verify(path);
var verifyMs = verifyClock.Elapsed.TotalMilliseconds;
if (!verified.Ok)
{
    throw new InvalidOperationException(verified.Problem);
}

// A chat request of ~100 KB: source files as tool results, one .env with two secrets.
var sb = new StringBuilder("{\"model\":\"qwen3-coder\",\"stream\":true,\"messages\":[");
for (var i = 0; i < 40; i++)
{
    var content = string.Concat(Enumerable.Repeat($"    public int Method{i}(int x) => x * {i}; // a line of ordinary code\n", 40));
    sb.Append($"{{\"role\":\"tool\",\"tool_call_id\":\"call_{i}\",\"content\":{System.Text.Json.JsonSerializer.Serialize(content, BenchJson.Default.String)}}},");
}

sb.Append("{\"role\":\"tool\",\"tool_call_id\":\"env\",\"content\":\"DB_PASSWORD=Xk9#mQ2vL7pR4sT\\nGITHUB_TOKEN=ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R\\n\"}],\"max_tokens\":4096}");
var body = Encoding.UTF8.GetBytes(sb.ToString());
var redactor = new Redactor();
redactor.RedactBody(body); // warm-up
var rounds = 50;
var clock = Stopwatch.StartNew();
BodyRedaction? last = null;
for (var i = 0; i < rounds; i++)
{
    last = redactor.RedactBody(body);
}

var perBody = clock.Elapsed.TotalMilliseconds / rounds;

// The same body for a session that remembers 100 secret values (each searched in 13 encoded forms).
var remembering = new Redactor();
for (var i = 0; i < 100; i++)
{
    remembering.Memory.Remember($"s3cr3t-{i:000}-{i * 7919 % 10007:X4}-Qz");
}

remembering.RedactBody(body); // warm-up, builds the search
clock.Restart();
for (var i = 0; i < rounds; i++)
{
    remembering.RedactBody(body);
}

var perBodyRemembering = clock.Elapsed.TotalMilliseconds / rounds;
Directory.Delete(dir, recursive: true);
Console.WriteLine(string.Join(' ', new[]
{
    latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)], verifyMs / (appends + 2) * 1000,
    body.Length / 1024.0, perBody, last!.Redactions.Count, perBodyRemembering,
}.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))));

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
