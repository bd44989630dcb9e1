using System.Diagnostics;
using System.Globalization;
using Sov.TestKit.Model;

// Usage: SessionBench SOV_BINARY TURNS
// Runs one interactive session (input piped, one line per turn) against an instant scripted model:
// every turn a streamed Markdown answer of about 1 KB, every tenth turn a read_file tool call first.
// Prints: peak_rss_mib rss_after_a_tenth_of_the_turns_mib wall_seconds turns requests
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SessionBench SOV_BINARY TURNS");
    return 2;
}

var binary = args[0];
var turns = int.Parse(args[1], CultureInfo.InvariantCulture);
await using var server = await ScriptedModelServer.StartAsync();
var workspace = Directory.CreateTempSubdirectory("sov-bench-ws-");
var home = Directory.CreateTempSubdirectory("sov-bench-home-");
File.WriteAllText(Path.Combine(workspace.FullName, "notes.md"), string.Concat(Enumerable.Repeat("A line of notes for the model to read.\n", 200)));
var answer = "Here is **an answer** with `code` and a list:\n- one\n- two\n```cs\nvar x = 42;\n```\n" + new string('x', 800) + "\n";
var requests = 0;
for (var i = 0; i < turns; i++)
{
    if (i % 10 == 0)
    {
        server.Enqueue(new ScriptedResponse().ToolCall($"call_{i}", "read_file", "{\"path\":\"notes.md\"}").Usage(2000, 20));
        requests++;
    }

    server.Enqueue(ScriptedResponse.Text(answer, pieces: 8).Usage(2000, 300));
    requests++;
}

var start = new ProcessStartInfo(binary) { WorkingDirectory = workspace.FullName, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "--mode", "read-only" })
{
    start.ArgumentList.Add(a);
}

start.Environment.Clear();
start.Environment["PATH"] = "/usr/bin:/bin";
start.Environment["SOV_HOME"] = home.FullName;
var clock = Stopwatch.StartNew();
using var process = Process.Start(start)!;
var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
var errors = process.StandardError.ReadToEndAsync();
double early = 0;
try
{
    for (var i = 0; i < turns; i++)
    {
        await process.StandardInput.WriteLineAsync($"turn {i}: tell me something");
        await process.StandardInput.FlushAsync();
    }

    await server.WhenChatRequests(requests / 10).WaitAsync(TimeSpan.FromMinutes(10));
    early = PeakMib(process.Id);
    await server.WhenChatRequests(requests).WaitAsync(TimeSpan.FromMinutes(10));
    var peak = PeakMib(process.Id);
    process.StandardInput.Close();
    await process.WaitForExitAsync();
    await drain;
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"sov exited {process.ExitCode}: {await errors}");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{peak:0.0} {early:0.0} {clock.Elapsed.TotalSeconds:0.0} {turns} {server.ChatRequests.Count}"));
    return 0;
}
finally
{
    workspace.Delete(recursive: true);
    home.Delete(recursive: true);
}

// VmHWM: the process's peak resident set so far, as the kernel counts it.
static double PeakMib(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();
