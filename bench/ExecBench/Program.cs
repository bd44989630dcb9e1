using System.Diagnostics;
using System.Globalization;
using Sov.TestKit.Model;

// Usage: ExecBench SOV_BINARY RUNS
// Prints: median_ms fastest_ms slowest_ms first_request_bytes median_cpu_ms (user+system of the sov process)
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ExecBench SOV_BINARY RUNS");
    return 2;
}

var binary = args[0];
var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
await using var server = await ScriptedModelServer.StartAsync();
var workspace = Directory.CreateTempSubdirectory("sov-bench-ws-");
var home = Directory.CreateTempSubdirectory("sov-bench-home-");
var walls = new List<double>();
var cpus = new List<double>();
int? firstRequestBytes = null;
try
{
    for (var i = 0; i < runs + 2; i++) // two warm-up runs, not counted
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workspace.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "say hello" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["SOV_HOME"] = home.FullName;
        var before = server.ChatRequests.Count;
        var cpuBefore = Sov.Bench.ChildCpu.Milliseconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"sov exec failed ({process.ExitCode}): {await stderr}");
            return 1;
        }

        _ = await stdout;
        firstRequestBytes ??= server.ChatRequests[before].BodyBytes;
        if (i >= 2)
        {
            walls.Add(clock.Elapsed.TotalMilliseconds);
            cpus.Add(Sov.Bench.ChildCpu.Milliseconds() - cpuBefore);
        }
    }
}
finally
{
    workspace.Delete(recursive: true);
    home.Delete(recursive: true);
}

walls.Sort();
cpus.Sort();
static double Median(List<double> xs) => xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[(xs.Count / 2) - 1] + xs[xs.Count / 2]) / 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Median(walls):0.0} {walls[0]:0.0} {walls[^1]:0.0} {firstRequestBytes} {Median(cpus):0.0}"));
return 0;
