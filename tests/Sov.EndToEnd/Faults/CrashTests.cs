using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// #13.7: kill -9 of the published binary at random points of a scripted turn with edits (the server stalls
/// before an answer or mid-stream between tool calls, or sov is killed a random delay after an answer was
/// asked for). After each kill: every file wholly old or wholly new, the journal intact (unsealed at most),
/// <c>sov exec --continue</c> works and tells the model which files the interrupted turn changed, no
/// temporary file of ours is left, and <c>sov undo</c> brings the workspace back to before the turn.
/// Seeded: the seed is printed; SOV_CRASH_SEED replays a run, SOV_CRASH_POINTS sets how many kills (default 24).
/// </summary>
public sealed partial class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledAtRandomPointsNothingIsTornAndUndoRestores()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SOV_CRASH_SEED"), CultureInfo.InvariantCulture, out var given)
            ? given : Random.Shared.Next();
        var points = int.TryParse(Environment.GetEnvironmentVariable("SOV_CRASH_POINTS"), CultureInfo.InvariantCulture, out var n) ? n : 24;
        var random = new Random(seed);
        var log = new StringBuilder($"crash test: seed {seed} (replay with SOV_CRASH_SEED={seed}), {points} kill points\n");
        Console.WriteLine(log.ToString().TrimEnd());
        for (var i = 0; i < points; i++)
        {
            var point = CrashPoint.Draw(random);
            var outcome = await RunOneAsync(point, $"seed {seed}, point {i + 1} ({point})");
            log.Append(CultureInfo.InvariantCulture, $"  {i + 1,2}. {point,-32} {outcome}\n");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        Console.WriteLine(log.ToString().TrimEnd());
    }

    private static async Task<string> RunOneAsync(CrashPoint point, string where)
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        var never = new TaskCompletionSource().Task;
        server.Enqueue(CrashScenario.Responses(point, never));
        var ws = Directory.CreateTempSubdirectory("sov-crash-ws-").FullName;
        var home = Directory.CreateTempSubdirectory("sov-crash-home-").FullName;
        try
        {
            foreach (var (path, content) in CrashScenario.Original)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(ws, path))!);
                File.WriteAllText(Path.Combine(ws, path), content);
            }

            var exited = await KillAtAsync(point, server, home, ws, ["--mode", "auto-edit", "change the files"], where);
            var changed = AssertWhole(ws, where);
            var leftTemps = Directory.EnumerateFiles(ws, ".*", SearchOption.AllDirectories).Count(p => OurTemp().IsMatch(Path.GetFileName(p)));
            var unfinished = Checkpoints(home, "pending", "*.jsonl");
            Assert.True(changed.Count == 0 || unfinished > 0 || Checkpoints(home, "turns", "*.json") > 0,
                $"{where}: files changed but no checkpoint (pending or stored) records them");

            var verify = await SovRun.RunAsync(["audit", "verify", "--all"], sovHome: home, workingDirectory: ws, cancellationToken: Ct);
            AssertJournal(verify, where);

            await using var next = await ScriptedModelServer.StartAsync(Ct); // the killed turn's unplayed answers stay with the first
            next.Enqueue(ScriptedResponse.Text("continued after the crash"));
            var resumed = await Exec(next, home, ws, ["--mode", "auto-edit", "--continue", "carry on"]);
            Assert.True(resumed.ExitCode == 0, $"{where}: sov exec --continue failed: {resumed.Stdout}{resumed.Stderr}");
            Assert.Contains("continued after the crash", resumed.Stdout, StringComparison.Ordinal);
            var last = Assert.Single(next.ChatRequests).Body;
            if (changed.Count > 0 && unfinished > 0)
            {
                Assert.True(last.Contains("previous turn was interrupted", StringComparison.Ordinal), $"{where}: the model was not told of the interrupted turn: {last[..Math.Min(400, last.Length)]}");
                Assert.All(changed, path => Assert.True(last.Contains(path, StringComparison.Ordinal), $"{where}: the note does not name {path}"));
                Assert.Contains("interrupted", resumed.Stderr, StringComparison.Ordinal);
            }

            var temps = Directory.EnumerateFiles(ws, ".*", SearchOption.AllDirectories).Where(p => OurTemp().IsMatch(Path.GetFileName(p))).ToList();
            Assert.True(temps.Count == 0, $"{where}: temporary files left: {string.Join(", ", temps)}");

            var undo = await SovRun.RunAsync(["undo"], sovHome: home, workingDirectory: ws, cancellationToken: Ct);
            Assert.True(undo.ExitCode == 0, $"{where}: sov undo failed: {undo.Stdout}{undo.Stderr}");
            AssertOriginal(ws, where, undo.Stdout);
            var how = exited is { } code ? $"ended by itself ({code})" : "killed";
            return $"{how}; {changed.Count} file(s) changed{(unfinished > 0 ? ", turn unfinished" : "")}{(leftTemps > 0 ? $", {leftTemps} temp file(s) left" : "")}; verify: {verify.Stdout.Split(' ')[0].Trim()}";
        }
        finally
        {
            Directory.Delete(ws, recursive: true);
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Starts sov exec, waits for the point, kills it with SIGKILL; returns its exit code when it ended before that.</summary>
    private static async Task<int?> KillAtAsync(CrashPoint point, ScriptedModelServer server, string home, string ws, string[] args, string where)
    {
        var start = new ProcessStartInfo(SovBinary.Path)
        {
            WorkingDirectory = ws,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in (string[])["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = home;
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var temps = 0;
        using var watcher = new FileSystemWatcher(ws) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) =>
        {
            if (OurTemp().IsMatch(Path.GetFileName(e.FullPath)) && Interlocked.Increment(ref temps) == point.Answer)
            {
                written.TrySetResult();
            }
        };
        watcher.EnableRaisingEvents = point.Kind == CrashKind.DuringWrite;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var ended = process.WaitForExitAsync(Ct);
        var at = point.Kind == CrashKind.DuringWrite ? written.Task : server.WhenChatRequests(point.Answer);
        var reached = await Task.WhenAny(at, ended).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        if (reached != ended && point.DelayMs > 0)
        {
            // The random delay is the fault being injected (a kill at an unknown moment), not synchronisation.
            await Task.WhenAny(Task.Delay(point.DelayMs, Ct), ended);
        }

        int? exited = process.HasExited ? process.ExitCode : null;
        if (exited is null)
        {
            process.Kill(entireProcessTree: true); // SIGKILL
        }

        await ended.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await Task.WhenAll(stdout, stderr);
        if (exited is { } code)
        {
            Assert.True(code == 0, $"{where}: sov exited {code} before the kill: {stdout.Result}{stderr.Result}");
        }

        return exited;
    }

    /// <summary>Every file is one of the versions the turn can produce, never a mix; returns the paths that differ from before the turn.</summary>
    private static List<string> AssertWhole(string ws, string where)
    {
        var changed = new List<string>();
        foreach (var (path, allowed) in CrashScenario.Allowed)
        {
            var full = Path.Combine(ws, path);
            var now = File.Exists(full) ? File.ReadAllText(full) : null;
            Assert.True(allowed.Contains(now), $"{where}: {path} is torn or unexpected ({now?.Length ?? -1} chars)");
            if (now != CrashScenario.Original.GetValueOrDefault(path))
            {
                changed.Add(path);
            }
        }

        return changed;
    }

    /// <summary>Each journal is ok or UNSEALED, never BROKEN: a record is written whole or not at all (#13.1).</summary>
    private static void AssertJournal(SovResult verify, string where)
    {
        foreach (var line in verify.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("ok", StringComparison.Ordinal) || line.StartsWith("UNSEALED", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.Fail($"{where}: audit verify: {line} (a kill must leave each journal ok or UNSEALED, #13.1)");
        }

        Assert.NotEmpty(verify.Stdout.Trim());
    }

    private static void AssertOriginal(string ws, string where, string undone)
    {
        foreach (var (path, allowed) in CrashScenario.Allowed)
        {
            var full = Path.Combine(ws, path);
            var now = File.Exists(full) ? File.ReadAllText(full) : null;
            Assert.True(now == CrashScenario.Original.GetValueOrDefault(path), $"{where}: after sov undo {path} is not as before the turn ({undone})");
        }
    }

    /// <summary>How many files the checkpoint store holds in one of its folders (pending: turns that did not end).</summary>
    private static int Checkpoints(string home, string folder, string pattern) =>
        Directory.Exists(Path.Combine(home, "checkpoints"))
            ? Directory.EnumerateDirectories(Path.Combine(home, "checkpoints"))
                .Select(d => Path.Combine(d, folder)).Where(Directory.Exists)
                .Sum(d => Directory.EnumerateFiles(d, pattern).Count())
            : 0;

    private static Task<SovResult> Exec(ScriptedModelServer server, string home, string ws, string[] args) =>
        SovRun.RunAsync(["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", .. args],
            sovHome: home, workingDirectory: ws, timeout: TimeSpan.FromSeconds(60), cancellationToken: Ct);

    [GeneratedRegex(@"\A\..+\.sov-[0-9a-f]{32}\.tmp\z")]
    private static partial Regex OurTemp();
}
