using System.Diagnostics;
using System.Globalization;
using Sov.TestKit.Model;

// Usage: AcpBench SOV_BINARY RUNS
// Each run starts `sov acp`, sends initialize, session/new and session/prompt ("say hello") as raw JSON-RPC lines, each
// once the one before is answered, and times from writing initialize to reading the first agent_message_chunk.
// Prints: median_total_ms fastest_ms slowest_ms median_new_session_ms median_prompt_to_chunk_ms (the scripted model
// answers at once: its own time is the loopback round trip).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: AcpBench SOV_BINARY RUNS");
    return 2;
}

var binary = args[0];
var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
await using var server = await ScriptedModelServer.StartAsync();
var workspace = Directory.CreateTempSubdirectory("sov-bench-ws-");
var home = Directory.CreateTempSubdirectory("sov-bench-home-");
List<double> totals = [], sessions = [], prompts = [];
try
{
    for (var i = 0; i < runs + 2; i++) // two warm-up runs, not counted
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workspace.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "acp", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["SOV_HOME"] = home.FullName;
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        async Task<string> Until(string marker)
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            throw new InvalidOperationException($"sov acp ended before '{marker}'");
        }

        async Task SendAsync(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
        }

        var clock = Stopwatch.StartNew();
        await SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}");
        await Until("\"id\":1");
        var beforeNew = clock.Elapsed.TotalMilliseconds;
        var ws = workspace.FullName.Replace("\\", "\\\\", StringComparison.Ordinal);
        await SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"session/new\",\"params\":{{\"cwd\":\"{ws}\",\"mcpServers\":[]}}}}");
        var created = await Until("\"id\":2");
        var afterNew = clock.Elapsed.TotalMilliseconds;
        var id = created.Split("\"sessionId\":\"")[1].Split('"')[0];
        await SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"session/prompt\",\"params\":{{\"sessionId\":\"{id}\",\"prompt\":[{{\"type\":\"text\",\"text\":\"say hello\"}}]}}}}");
        await Until("agent_message_chunk");
        var total = clock.Elapsed.TotalMilliseconds;
        await Until("\"id\":3");
        process.StandardInput.Close();
        await process.WaitForExitAsync(deadline.Token);
        if (i >= 2)
        {
            totals.Add(total);
            sessions.Add(afterNew - beforeNew);
            prompts.Add(total - afterNew);
        }
    }
}
finally
{
    workspace.Delete(recursive: true);
    home.Delete(recursive: true);
}

static double Median(List<double> xs)
{
    xs.Sort();
    return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[(xs.Count / 2) - 1] + xs[xs.Count / 2]) / 2;
}

var sorted = totals.Order().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Median(totals):0.0} {sorted[0]:0.0} {sorted[^1]:0.0} {Median(sessions):0.0} {Median(prompts):0.0}"));
return 0;
