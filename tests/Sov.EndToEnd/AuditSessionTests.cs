using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;
using Sov.TestKit.Network;

namespace Sov.EndToEnd;

/// <summary>
/// A whole multi-turn `sov exec` session with tool calls, against the scripted model on loopback: what left
/// (seen by strace and by the server), what was journaled, and that the journal verifies and shows the bytes.
/// </summary>
public sealed class AuditSessionTests
{
    // Assembled so no scanner mistakes this file for a leak; the session must never send either value.
    private static readonly string Canary = "c4n4ry" + "-7f3a9e1b5d2c8f6a0e4b";
    private static readonly string AwsKey = "AKIA" + "Z7Q4N2X8W5C1V6B3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Script(ScriptedModelServer server) => server.Enqueue(
        new ScriptedResponse().ToolCall("call_1", "list_dir", """{"path":"."}""").Usage(900, 10),
        new ScriptedResponse().ToolCall("call_2", "read_file", """{"path":".env"}""").Usage(1000, 12),
        new ScriptedResponse().ToolCall("call_3", "grep", """{"pattern":"SECRET"}""").Usage(1100, 9),
        ScriptedResponse.Text("The .env file holds a database URL and two credentials.").Usage(1200, 14));

    private static DirectoryInfo Workspace()
    {
        var ws = Directory.CreateTempSubdirectory("sov-audit-ws-");
        File.WriteAllText(Path.Combine(ws.FullName, ".env"),
            $"DATABASE_URL=postgres://db.internal/dev\nCANARY_SECRET={Canary}\nAWS_ACCESS_KEY_ID={AwsKey}\n");
        File.WriteAllText(Path.Combine(ws.FullName, "README.md"), "# demo\n");
        return ws;
    }

    private static string[] ExecArgs(ScriptedModelServer server) =>
        ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "what is in .env?"];

    private static List<JsonElement> Journal(string home) =>
        [.. Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl").SelectMany(File.ReadAllLines)
            .Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task AWholeSessionReachesOnlyTheConfiguredEndpointAndResolvesNoName()
    {
        Assert.SkipWhen(StraceObserver.StracePath is null, "strace is not installed");
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        Script(server);
        var ws = Workspace();
        var home = Directory.CreateTempSubdirectory("sov-audit-home-").FullName;
        var env = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["SOV_HOME"] = home,
            ["HTTPS_PROXY"] = "http://198.51.100.7:3128", // lures: a careless HTTP stack would use them
            ["HTTP_PROXY"] = "http://198.51.100.7:3128",
        };

        var trace = await StraceObserver.RunAsync(SovBinary.Path, ExecArgs(server), env, ws.FullName, cancellationToken: Ct);

        Assert.True(trace.ExitCode == 0, trace.Stderr);
        Assert.Equal(4, server.ChatRequests.Count);
        Assert.Equal([$"127.0.0.1:{server.Origin.Port}"], trace.Destinations);
        Assert.True(trace.NameResolution.Count == 0, string.Join("; ", trace.NameResolution));
        ws.Delete(true);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task ACanarySecretReadThroughAToolNeverLeavesAndTheJournalProvesWhatDid()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        Script(server);
        var ws = Workspace();
        var home = Directory.CreateTempSubdirectory("sov-audit-home-").FullName;

        var result = await SovRun.RunAsync(ExecArgs(server), sovHome: home, workingDirectory: ws.FullName, cancellationToken: Ct);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(4, server.ChatRequests.Count);
        foreach (var request in server.Requests)
        {
            Assert.DoesNotContain(Canary, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(AwsKey, request.Body, StringComparison.Ordinal);
        }

        // The model was told a secret was there, by kind and hash, in the read_file and the grep results.
        Assert.Contains("[REDACTED:assigned-secret:", server.ChatRequests[2].Body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:aws-access-key:", server.ChatRequests[3].Body, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AwsKey, text, StringComparison.Ordinal);
        }

        var records = Journal(home);
        Assert.Equal("session", records[0].GetProperty("type").GetString());
        Assert.Equal("exec", records[0].GetProperty("kind").GetString());
        Assert.Equal("seal", records[^1].GetProperty("type").GetString());
        Assert.Equal("completed", records[^1].GetProperty("reason").GetString());
        // #16: the context-window probe's GETs come first; the chat requests are the four POSTs.
        var requests = records.Where(r => r.GetProperty("type").GetString() == "egress_request" && r.GetProperty("path").GetString() == "/v1/chat/completions").ToList();
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal($"http://127.0.0.1:{server.Origin.Port}", r.GetProperty("origin").GetString()));
        var calls = records.Where(r => r.GetProperty("type").GetString() == "tool_call").ToList();
        Assert.Equal(["list_dir", "read_file", "grep"], calls.Select(c => c.GetProperty("name").GetString()));
        Assert.All(calls, c => Assert.Equal("mode", c.GetProperty("decided_by").GetString()));
        Assert.Equal(3, records.Count(r => r.GetProperty("type").GetString() == "tool_result"));
        Assert.Equal(4, records.Count(r => r.GetProperty("type").GetString() == "model_usage"));
        var redactions = records.Where(r => r.GetProperty("type").GetString() == "redaction").ToList();
        Assert.NotEmpty(redactions);
        Assert.Contains(redactions.SelectMany(r => r.GetProperty("secrets").EnumerateArray()),
            s => s.GetProperty("kind").GetString() == "aws-access-key");

        // The chain verifies, and `show` gives back exactly what the server received for the third request.
        var verify = await SovRun.RunAsync(["audit", "verify"], sovHome: home, cancellationToken: Ct);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        var third = requests[2].GetProperty("seq").GetInt64();
        var shown = await SovRun.RunAsync(["audit", "show", third.ToString(System.Globalization.CultureInfo.InvariantCulture)], sovHome: home, cancellationToken: Ct);
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(server.ChatRequests[2].Body, shown.Stdout);

        // #15.9: requests by their order, and a non-request record says where the requests are.
        var byOrder = await SovRun.RunAsync(["audit", "show", "--request", "3"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(server.ChatRequests[2].Body, byOrder.Stdout);
        var first = await SovRun.RunAsync(["audit", "show", "1"], sovHome: home, cancellationToken: Ct);
        Assert.Contains("\"type\":\"session\"", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"requests are seq {requests[0].GetProperty("seq").GetInt64()}", first.Stderr, StringComparison.Ordinal);
        ws.Delete(true);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task NoSessionRunsUnjournaled()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        var ws = Workspace();
        var home = Directory.CreateTempSubdirectory("sov-audit-home-").FullName;
        File.WriteAllText(Path.Combine(home, "journal"), "a file where the journal folder should be");

        var result = await SovRun.RunAsync(ExecArgs(server), sovHome: home, workingDirectory: ws.FullName, cancellationToken: Ct);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot write the journal", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        ws.Delete(true);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task ASessionThatFailsIsSealedFailed()
    {
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        server.Enqueue(ScriptedResponse.Error(400, "bad request"));
        var ws = Workspace();
        var home = Directory.CreateTempSubdirectory("sov-audit-home-").FullName;

        var result = await SovRun.RunAsync(ExecArgs(server), sovHome: home, workingDirectory: ws.FullName, cancellationToken: Ct);

        Assert.NotEqual(0, result.ExitCode);
        var records = Journal(home);
        Assert.Equal("failed", records[^1].GetProperty("reason").GetString());
        Assert.Contains(records, r => r.GetProperty("type").GetString() == "egress_response" && r.GetProperty("status").GetInt32() == 400);
        var verify = await SovRun.RunAsync(["audit", "verify"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(0, verify.ExitCode);
        ws.Delete(true);
        Directory.Delete(home, true);
    }
}
