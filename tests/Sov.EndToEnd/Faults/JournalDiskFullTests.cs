using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// #13.1 "must show": SOV_HOME on a 64 KiB tmpfs (mounted inside <c>unshare -rm</c>, so this runs as root and
/// as an ordinary user). Journal records and request bodies too large for it, then a disk filled to the last
/// byte: each time a one-line "disk full under SOV_HOME" message and exit 3, never an internal error; no file
/// the failed record would have allowed; `sov audit verify` never BROKEN (intact, unsealed at most); no empty
/// journal left by a start on a full disk; and once space is freed `sov --continue` resumes the conversation.
/// </summary>
public sealed class JournalDiskFullTests
{
    private const int Steps = 10;

    // Each step's stdout, stderr and exit code land outside the tmpfs, in $OUT/N.out, N.err, N.rc.
    private const string Script = """
        set -u
        mount -t tmpfs -o size=64k tmpfs "$SOV_HOME" || exit 90
        step() { n=$1; shift; "$@" >"$OUT/$n.out" 2>"$OUT/$n.err" <"$OUT/$n.in"; echo $? >"$OUT/$n.rc"; }
        cd "$WS"
        step 1 "$SOV" --endpoint "$URL" --model scripted-model --mode auto-edit
        step 2 "$SOV" audit verify --all
        step 3 "$SOV" exec -C "$WS2" --endpoint "$URL" --model scripted-model "summarise notes.txt"
        step 4 "$SOV" audit verify --all
        dd if=/dev/zero of="$SOV_HOME/ballast" bs=4096 2>/dev/null
        ls "$SOV_HOME/journal" >"$OUT/journals-before"
        step 5 "$SOV" exec --endpoint "$URL" --model scripted-model "hi"
        ls "$SOV_HOME/journal" >"$OUT/journals-after"
        step 10 "$SOV" exec --endpoint "$URL" --model scripted-model --output-format stream-json "hi"
        find "$SOV_HOME" -type f -size 0 >"$OUT/empty-files"
        step 6 "$SOV" audit verify --all
        rm "$SOV_HOME/ballast"
        step 7 "$SOV" --continue --endpoint "$URL" --model scripted-model
        step 8 "$SOV" audit verify --all
        step 9 "$SOV" audit verify
        """;

    [Fact]
    public async Task AFullTmpfsSovHomeGivesAClearMessageExitThreeAnIntactJournalAndContinueWorksAfterward()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedModelServer.StartAsync(ct);
        var root = Directory.CreateTempSubdirectory("sov-diskfull-");
        var ws = root.CreateSubdirectory("ws").FullName;
        var ws2 = root.CreateSubdirectory("ws2").FullName; // exec sessions are resumable too: step 3 runs elsewhere so --continue in ws finds step 1's
        var home = root.CreateSubdirectory("home").FullName;
        var output = root.CreateSubdirectory("out").FullName;
        File.WriteAllText(Path.Combine(ws2, "notes.txt"), string.Concat(Enumerable.Range(0, 1500).Select(i => $"note {i:D5}: {new string('n', 48)}\n")));
        var big = JsonSerializer.Serialize(new { path = "big.txt", content = new string('b', 200_000) });
        server.Enqueue(
            ScriptedResponse.Text("hi there"),                                            // step 1, "hello"
            new ScriptedResponse().ToolCall("w1", "write_file", big, pieces: 40),         // step 1: its record cannot fit
            new ScriptedResponse().ToolCall("r1", "read_file", "{\"path\":\"notes.txt\"}"), // step 3: the next request's body cannot fit
            ScriptedResponse.Text("you said hello first"));                              // step 7, resumed
        for (var n = 1; n <= Steps; n++)
        {
            File.WriteAllText(Path.Combine(output, $"{n}.in"), n switch { 1 => "hello\nwrite big.txt\n", 7 => "what did I say first?\n", _ => "" });
        }

        var start = new ProcessStartInfo("unshare") { WorkingDirectory = ws };
        foreach (var arg in new[] { "-rm", "sh", "-c", Script })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["SOV_HOME"] = home;
        start.Environment["SOV"] = SovBinary.Path;
        start.Environment["URL"] = server.BaseUrl.ToString();
        start.Environment["WS"] = ws;
        start.Environment["WS2"] = ws2;
        start.Environment["OUT"] = output;
        var run = await ChildProcess.RunAsync(start, null, TimeSpan.FromMinutes(3), "the disk-full script", ct);
        Assert.True(run.ExitCode == 0, $"script exit {run.ExitCode}: {run.Stderr}");

        (int Rc, string Out, string Err) Step(int n) => (
            int.Parse(File.ReadAllText(Path.Combine(output, $"{n}.rc")).Trim(), System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(output, $"{n}.out")),
            File.ReadAllText(Path.Combine(output, $"{n}.err")));
        void DiskFull(int n)
        {
            var (rc, stdout, stderr) = Step(n);
            var all = stdout + stderr;
            Assert.True(rc == 3, $"step {n}: exit {rc}\n{all}");
            Assert.Contains("disk full under SOV_HOME", all, StringComparison.Ordinal);
            Assert.Contains("sov --continue", all, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", all, StringComparison.Ordinal);
            Assert.DoesNotContain("IOException", all, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        }

        void NeverBroken(int n)
        {
            var (rc, stdout, stderr) = Step(n);
            Assert.True(rc is 0 or 1, $"step {n}: exit {rc}\n{stdout}{stderr}");
            Assert.DoesNotContain("BROKEN", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("BODIES", stdout, StringComparison.Ordinal);
            Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                line => Assert.True(line.StartsWith("ok ", StringComparison.Ordinal) || line.StartsWith("UNSEALED ", StringComparison.Ordinal), line));
        }

        // 1. The write_file record does not fit: the session stops cleanly, and the file was not written.
        DiskFull(1);
        Assert.Contains("Session", Step(1).Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(ws, "big.txt")));
        NeverBroken(2);

        // 3. The request carrying a large tool output cannot be stored: it is not sent.
        DiskFull(3);
        Assert.DoesNotContain(server.ChatRequests, r => r.Body.Contains("note 01499", StringComparison.Ordinal));
        NeverBroken(4);

        // 5. A start on a disk full to the last byte: the message, and no journal file at all (not an empty one).
        DiskFull(5);
        Assert.Equal(File.ReadAllText(Path.Combine(output, "journals-before")), File.ReadAllText(Path.Combine(output, "journals-after")));
        Assert.Equal("", File.ReadAllText(Path.Combine(output, "empty-files")));
        DiskFull(10); // and for a script reading stream-json, an error event and the exit code
        Assert.Contains("\"type\":\"error\"", Step(10).Out, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\":3", Step(10).Out, StringComparison.Ordinal);
        NeverBroken(6);

        // 7. Space freed: --continue resumes the conversation of step 1.
        var (rc7, out7, err7) = Step(7);
        Assert.True(rc7 == 0, $"step 7: exit {rc7}\n{out7}{err7}");
        Assert.Contains("Resumed", out7, StringComparison.Ordinal);
        Assert.Contains("you said hello first", out7, StringComparison.Ordinal);
        Assert.Equal(4, server.ChatRequests.Count); // two in step 1, one in step 3, one now
        Assert.Contains("hello", server.ChatRequests[^1].Body, StringComparison.Ordinal);
        Assert.Contains("hi there", server.ChatRequests[^1].Body, StringComparison.Ordinal);
        NeverBroken(8);
        var (rc9, out9, _) = Step(9);
        Assert.True(rc9 == 0, out9);
        root.Delete(recursive: true);
    }
}
