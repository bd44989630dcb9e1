using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>
/// Every fault kind of the scripted server against the published binary: no crash (no "internal
/// error", no stack trace), a clear message, and a non-zero exit only where the task truly failed.
/// </summary>
public sealed class ExecFaultTests
{
    private static void NoCrash(SovResult result)
    {
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A429WithRetryAfterIsWaitedOut()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Error(429, "busy", retryAfter: "1"), ScriptedResponse.Text("ok after waiting"));

        var result = await h.ExecAsync(["hi"]);

        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok after waiting", result.Stdout.Trim());
        Assert.Contains("HTTP 429", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A500IsRetried()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Error(500), ScriptedResponse.Text("recovered"));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("recovered", result.Stdout.Trim());
    }

    [Fact]
    public async Task APersistent500FailsTheTaskWithExitOne()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Fallback = ScriptedResponse.Error(500, "the engine died");
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the engine died", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResetMidStreamIsRecovered()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("partial").WithFault(ScriptedFault.ResetMidStream), ScriptedResponse.Text("whole"));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("whole", result.Stdout.Trim());
    }

    [Fact]
    public async Task TruncatedSseIsRecovered()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("partial").WithFault(ScriptedFault.TruncatedSse), ScriptedResponse.Text("whole"));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("whole", result.Stdout.Trim());
        Assert.Contains("cut off", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedArgumentJsonGoesBackToTheModel()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "read_file", """{"path": """), ScriptedResponse.Text("I could not read it."));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not valid JSON", h.Server.ChatRequests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndlessStreamIsStoppedAndFailsTheTask()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("a").WithFault(ScriptedFault.EndlessStream));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kept streaming", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowFirstByteWithinTheTimeoutIsJustSlow()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("slow but fine").WithFirstByteDelay(TimeSpan.FromSeconds(1)));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("slow but fine", result.Stdout.Trim());
    }

    [Fact]
    public async Task ASlowFirstByteBeyondTheTimeoutIsRetried()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("too late").WithFirstByteDelay(TimeSpan.FromSeconds(30)), ScriptedResponse.Text("second try"));
        var result = await h.ExecAsync(["hi"], environment: new Dictionary<string, string> { ["SOV_FIRST_BYTE_TIMEOUT_SECONDS"] = "0.5" });
        NoCrash(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("second try", result.Stdout.Trim());
        Assert.Contains("no response within", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableEndpointExitsThreeNamingTheUrl()
    {
        var workspace = Directory.CreateTempSubdirectory("sov-exec-ws-");
        var result = await SovRun.RunAsync(["exec", "--endpoint", "http://127.0.0.1:9/v1", "--model", "m", "hi"],
            workingDirectory: workspace.FullName, cancellationToken: TestContext.Current.CancellationToken);
        NoCrash(result);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("http://127.0.0.1:9/v1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ollama serve", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxTurnsReachedFailsTheTaskWithExitOne()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Fallback = new ScriptedResponse().ToolCall("c", "list_dir", """{"path":"."}""");
        var result = await h.ExecAsync(["--max-turns", "2", "loop forever"]);
        NoCrash(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, h.Server.ChatRequests.Count);
        Assert.Contains("--max-turns", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContextLengthErrorIsReportedAsSuch()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Error(400, "This model's maximum context length is 4096 tokens."));
        var result = await h.ExecAsync(["hi"]);
        NoCrash(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("context window", result.Stderr, StringComparison.Ordinal);
    }
}
