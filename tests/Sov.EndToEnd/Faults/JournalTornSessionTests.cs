using System.Text;
using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// #13.3: a session file whose last line a crash tore. The bug pinned: load skipped the torn line, the next
/// append continued it, and after `--continue` the model saw an answer without its question, nobody told.
/// Now the resume cuts it (kept aside, journaled), names the lost prompt, and the next record has its own line.
/// </summary>
public sealed class JournalTornSessionTests
{
    [Fact]
    public async Task ResumingATornSessionNamesTheLostPromptAndTheNextTurnStartsOnItsOwnLine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedModelServer.StartAsync(ct);
        var ws = Directory.CreateTempSubdirectory("sov-torn-ws-").FullName;
        var home = Directory.CreateTempSubdirectory("sov-torn-home-").FullName;
        server.Enqueue(ScriptedResponse.Text("answer one"), ScriptedResponse.Text("answer two"), ScriptedResponse.Text("answer three"));
        Task<SovResult> Interactive(string stdin, params string[] extra) => SovRun.RunAsync(
            [.. extra, "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model"],
            sovHome: home, workingDirectory: ws, stdin: stdin, cancellationToken: ct);

        var first = await Interactive("first question\nsecond question\n");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);

        // A crash while saving the second turn: its user record cut inside the prompt, its answer never written.
        var path = Assert.Single(Directory.GetFiles(Path.Combine(home, "sessions"), "*.jsonl"));
        var text = File.ReadAllText(path);
        var cut = text.LastIndexOf("second question", StringComparison.Ordinal) + "second question".Length;
        File.WriteAllText(path, text[..cut]);

        var resumed = await Interactive("third question\n", "--continue");

        Assert.True(resumed.ExitCode == 0, resumed.Stdout + resumed.Stderr);
        Assert.Contains("torn line", resumed.Stdout, StringComparison.Ordinal);
        Assert.Contains("your prompt \"second question\" was not saved", resumed.Stdout, StringComparison.Ordinal);
        var request = server.ChatRequests[^1].Body;
        Assert.Contains("first question", request, StringComparison.Ordinal);
        Assert.Contains("answer one", request, StringComparison.Ordinal);
        Assert.Contains("third question", request, StringComparison.Ordinal);
        Assert.DoesNotContain("second question", request, StringComparison.Ordinal);

        // Every line of the session file is a whole record; the torn bytes are kept aside.
        foreach (var line in File.ReadAllLines(path))
        {
            using var doc = JsonDocument.Parse(line);
        }

        var aside = Assert.Single(Directory.GetFiles(Path.Combine(home, "sessions"), "*.partial-*"));
        Assert.EndsWith("second question", File.ReadAllText(aside, Encoding.UTF8), StringComparison.Ordinal);

        // The cut is journaled in the resuming session, whose journal verifies.
        var journals = Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl");
        Assert.Contains(journals, j => File.ReadAllText(j).Contains("\"type\":\"session_file_repaired\"", StringComparison.Ordinal));
        var verify = await SovRun.RunAsync(["audit", "verify", "--all"], sovHome: home, cancellationToken: ct);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Directory.Delete(ws, true);
        Directory.Delete(home, true);
    }
}
