using System.Diagnostics;
using System.Globalization;
using Sov.Bench;
using Sov.TestKit.Model;

// Usage: PrefixBench SOV_BINARY [TURNS]
// One interactive session (input piped) of TURNS user turns against the scripted server; every turn is a tool
// call (read_file, list_dir, grep in turn) then an answer, so 2*TURNS requests. For each request but the last:
// the share of it (up to its last message) that is a byte prefix of the next request, and whether the rest
// (tools, options) is unchanged. Prints one line per request: index messages prefix_bytes shared_bytes share
// rest_same after_compaction; then a last line: requests min_share_outside_compactions.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: PrefixBench SOV_BINARY [TURNS]");
    return 2;
}

var turns = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
await using var server = await ScriptedModelServer.StartAsync();
var workspace = Directory.CreateTempSubdirectory("sov-prefix-ws-");
var home = Directory.CreateTempSubdirectory("sov-prefix-home-");
File.WriteAllText(Path.Combine(workspace.FullName, "notes.md"), "Notes for the model: the answer is 42.\n");
File.WriteAllText(Path.Combine(workspace.FullName, "main.py"), "print('hello')\n");
string[] calls = ["read_file|{\"path\":\"notes.md\"}", "list_dir|{\"path\":\".\"}", "grep|{\"pattern\":\"hello\"}"];
for (var i = 0; i < turns; i++)
{
    var call = calls[i % calls.Length].Split('|');
    server.Enqueue(new ScriptedResponse().ToolCall($"call_{i}", call[0], call[1]).Usage(1200 + (i * 100), 20));
    server.Enqueue(ScriptedResponse.Text($"Answer {i}: it says 42.", 2).Usage(1250 + (i * 100), 10));
}

var start = new ProcessStartInfo(args[0]) { WorkingDirectory = workspace.FullName, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "--mode", "read-only" })
{
    start.ArgumentList.Add(a);
}

start.Environment.Clear();
start.Environment["PATH"] = "/usr/bin:/bin";
start.Environment["SOV_HOME"] = home.FullName;
try
{
    using var process = Process.Start(start)!;
    var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    var errors = process.StandardError.ReadToEndAsync();
    for (var i = 0; i < turns; i++)
    {
        await process.StandardInput.WriteLineAsync($"turn {i}: look at the workspace");
        await process.StandardInput.FlushAsync();
    }

    await server.WhenChatRequests(2 * turns).WaitAsync(TimeSpan.FromMinutes(5));
    process.StandardInput.Close();
    await process.WaitForExitAsync();
    await drain;
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"sov exited {process.ExitCode}: {await errors}");
        return 1;
    }

    var requests = server.ChatRequests;
    var min = 1.0;
    for (var i = 0; i + 1 < requests.Count; i++)
    {
        var share = PrefixShare.Compare(i + 1, requests[i].Body, requests[i + 1].Body);
        if (!share.AfterCompaction)
        {
            min = Math.Min(min, share.RestSame ? share.Share : 0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{share.Index} {share.Messages} {share.PrefixBytes} {share.SharedBytes} {share.Share * 100:0.0} {(share.RestSame ? "yes" : "no")} {(share.AfterCompaction ? "yes" : "no")}"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests.Count} {min * 100:0.0}"));
    return 0;
}
finally
{
    workspace.Delete(recursive: true);
    home.Delete(recursive: true);
}
