using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Subagents;

/// <summary>
/// Subagents (#17) on the published binary against the scripted server: children run in parallel with the read-only
/// tools, their answers reach the parent, a child cannot write without a definition that gives it writing tools, and the
/// journal verifies and shows every child. Children are told apart by their prompts (their requests' order is not fixed).
/// </summary>
public sealed class SubagentExecTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsChild(string body) => body.Contains("You are a subagent", StringComparison.Ordinal);

    private static bool HasToolResult(string body) => body.Contains("\"role\":\"tool\"", StringComparison.Ordinal);

    /// <summary>The content of the last tool message in a request body.</summary>
    private static string LastToolMessage(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages").EnumerateArray()
            .Last(m => m.GetProperty("role").GetString() == "tool").GetProperty("content").GetString() ?? "";
    }

    [Fact]
    public async Task TwoReadOnlyChildrenGrepInParallelAndTheirAnswersReachTheParent()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile("src/a.txt", "one ALPHA_TOKEN here\n");
        h.WriteFile("lib/b.txt", "one BETA_TOKEN there\n");
        var home = Directory.CreateTempSubdirectory("sov-sub-home-").FullName;
        var firstRequests = new HashSet<string>();
        var bothAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        timeout.Token.Register(() => bothAsked.TrySetException(new TimeoutException("the two children never asked the model at the same time")));
        h.Server.Responder = body =>
        {
            if (!IsChild(body))
            {
                return HasToolResult(body)
                    ? ScriptedResponse.Text("Both tokens found.")
                    : new ScriptedResponse()
                        .ToolCall("call_a", "task", """{"description":"find alpha","prompt":"Which file holds ALPHA_TOKEN?"}""", index: 0)
                        .ToolCall("call_b", "task", """{"agent":"general","description":"find beta","prompt":"Which file holds BETA_TOKEN?"}""", index: 1);
            }

            var token = body.Contains("ALPHA_TOKEN", StringComparison.Ordinal) ? "ALPHA_TOKEN" : "BETA_TOKEN";
            if (HasToolResult(body))
            {
                return ScriptedResponse.Text($"{token} is in: {LastToolMessage(body).Trim()}");
            }

            lock (firstRequests)
            {
                if (firstRequests.Add(token) && firstRequests.Count == 2)
                {
                    bothAsked.TrySetResult();
                }
            }

            // Neither child gets its grep call until both have asked: children run one after the other would never get here.
            return new ScriptedResponse().HoldUntil(bothAsked.Task).ToolCall("g1", "grep", $$"""{"pattern":"{{token}}"}""");
        };

        var result = await h.ExecAsync(["--output-format", "stream-json", "find both tokens"], sovHome: home);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var parentAgain = h.Server.ChatRequests.Last(r => !IsChild(r.Body) && HasToolResult(r.Body));
        Assert.Contains("ALPHA_TOKEN is in:", parentAgain.ToolMessage("call_a"), StringComparison.Ordinal);
        Assert.Contains("src/a.txt", parentAgain.ToolMessage("call_a"), StringComparison.Ordinal);
        Assert.Contains("lib/b.txt", parentAgain.ToolMessage("call_b"), StringComparison.Ordinal);
        foreach (var child in h.Server.ChatRequests.Where(r => IsChild(r.Body)))
        {
            Assert.Contains("\"name\":\"grep\"", child.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"name\":\"task\",\"description\"", child.Body, StringComparison.Ordinal); // no grandchildren
            Assert.DoesNotContain("\"name\":\"write_file\",\"description\"", child.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"name\":\"shell\",\"description\"", child.Body, StringComparison.Ordinal);
        }

        var types = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, types.Count(e => e.GetProperty("type").GetString() == "subagent_started"));
        Assert.Equal(2, types.Count(e => e.GetProperty("type").GetString() == "subagent_completed"));
        Assert.Contains(types, e => e.GetProperty("type").GetString() == "subagent_event"
            && e.GetProperty("event").GetProperty("type").GetString() == "tool_result"
            && e.GetProperty("event").GetProperty("name").GetString() == "grep");

        var verify = await SovRun.RunAsync(["audit", "verify"], sovHome: home, cancellationToken: Ct);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        var journal = Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var starts = journal.Where(r => r.GetProperty("type").GetString() == "subagent_start").ToList();
        Assert.Equal(2, starts.Count);
        Assert.Equal(["call_a", "call_b"], starts.Select(s => s.GetProperty("call_id").GetString()).Order());
        Assert.Equal(2, journal.Count(r => r.GetProperty("type").GetString() == "subagent_end" && r.GetProperty("outcome").GetString() == "completed"));
        var childIds = starts.Select(s => s.GetProperty("child").GetString()!).ToList();
        Assert.All(childIds, id => Assert.Contains(journal, r => r.GetProperty("type").GetString() == "tool_call"
            && r.GetProperty("call_id").GetString()!.StartsWith(id + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AReadOnlyChildThatTriesToWriteIsRefusedAndTheParentHearsWhy()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Responder = body =>
        {
            if (!IsChild(body))
            {
                return HasToolResult(body)
                    ? ScriptedResponse.Text("The subagent could not write.")
                    : new ScriptedResponse().ToolCall("call_w", "task", """{"description":"write a file","prompt":"Create notes.txt saying hi."}""");
            }

            return HasToolResult(body)
                ? ScriptedResponse.Text("I could not write: " + LastToolMessage(body))
                : new ScriptedResponse().ToolCall("w1", "write_file", """{"path":"notes.txt","content":"hi"}""");
        };

        // full-auto would let the parent write: the child is refused because its tools are read-only, not by the mode.
        var result = await h.ExecAsync(["--mode", "full-auto", "write notes"]);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "notes.txt")));
        var parentAgain = h.Server.ChatRequests.Last(r => !IsChild(r.Body) && HasToolResult(r.Body));
        var answer = parentAgain.ToolMessage("call_w");
        Assert.NotNull(answer);
        Assert.Contains("Unknown tool 'write_file'", answer, StringComparison.Ordinal);
        Assert.Contains("[sub1]", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SayHelloStaysWithin8KiBWithAgentsAndABadAgentFileIsOneWarning()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile(".sov/agents/reviewer.md", "---\nname: reviewer\ndescription: Reviews a change for bugs and risky edits\ntools: Read, Grep, Glob\n---\nYou review code.\n");
        h.WriteFile(".claude/agents/tester.md", "---\nname: tester\ndescription: Runs the tests and reports failures\ntools: [Bash, Read]\nmodel: sonnet\n---\nYou run tests.\n");
        h.WriteFile(".sov/agents/broken.md", "---\nname: broken\nthis line has no colon\n---\nbody\n");

        var result = await h.ExecAsync(["say hello"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var request = Assert.Single(h.Server.ChatRequests);
        TestContext.Current.SendDiagnosticMessage($"first request for 'say hello' with three agents: {request.BodyBytes} bytes");
        Assert.True(request.BodyBytes <= 8192, $"first request is {request.BodyBytes} bytes");
        Assert.Contains("\"name\":\"task\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("reviewer (Reviews a change", request.Body, StringComparison.Ordinal);
        Assert.Contains("tester (Runs the tests", request.Body, StringComparison.Ordinal);
        var warning = Assert.Single(result.Stderr.Split('\n'), l => l.Contains("broken.md", StringComparison.Ordinal));
        Assert.Contains(".sov/agents/broken.md:3:", warning, StringComparison.Ordinal);
    }
}
