using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>The published binary's <c>sov exec</c> against the scripted model server on loopback.</summary>
public sealed class ExecTests
{
    private const string Secret = "content-of-the-file-42";

    /// <summary>The tool message the model received in the given request, for the given call id.</summary>
    private static string ToolMessage(RecordedRequest request, string callId) =>
        request.ToolMessage(callId) ?? throw new InvalidOperationException($"No tool message for {callId}.");

    [Fact]
    public async Task PrintsTheAnswerAndExitsZero()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("Hello from the model."));

        var result = await h.ExecAsync(["say hello"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Hello from the model.", result.Stdout.Trim());
        var body = Assert.Single(h.Server.ChatRequests);
        Assert.Contains("say hello", body.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstRequestForSayHelloIsAtMost8KiB()
    {
        await using var h = await ExecHarness.StartAsync();

        var result = await h.ExecAsync(["say hello"]);

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(h.Server.ChatRequests);
        Assert.True(request.BodyBytes <= 8192, $"first request is {request.BodyBytes} bytes");
        foreach (var tool in new[] { "read_file", "list_dir", "glob", "grep" })
        {
            Assert.Contains($"\"name\":\"{tool}\"", request.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("native")]
    [InlineData("qwen-xml")]
    [InlineData("hermes")]
    public async Task EachToolCallFormRunsAndTheFileContentGoesBack(string form)
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile("docs/notes.txt", Secret);
        var call = form switch
        {
            "native" => new ScriptedResponse().ToolCall("call_1", "read_file", """{"path":"docs/notes.txt"}"""),
            "qwen-xml" => ScriptedResponse.Text("<tool_call>\n<function=read_file>\n<parameter=path>\ndocs/notes.txt\n</parameter>\n</function>\n</tool_call>", 4),
            _ => ScriptedResponse.Text("""<tool_call>{"name": "read_file", "arguments": {"path": "docs/notes.txt"}}</tool_call>""", 4),
        };
        h.Server.Enqueue(call, ScriptedResponse.Text("It holds the number 42."));

        var result = await h.ExecAsync(["what is in docs/notes.txt?"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("It holds the number 42.", result.Stdout.Trim());
        Assert.Equal(2, h.Server.ChatRequests.Count);
        Assert.Contains(Secret, ToolMessage(h.Server.ChatRequests[1], form == "native" ? "call_1" : "call_c1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamJsonIsOneEventPerLine()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile("a.txt", "x");
        h.Server.Enqueue(
            new ScriptedResponse().AddReasoning("thinking").ToolCall("call_1", "read_file", """{"path":"a.txt"}""").Usage(100, 5),
            ScriptedResponse.Text("done"));

        var result = await h.ExecAsync(["--output-format", "stream-json", "go"]);

        Assert.Equal(0, result.ExitCode);
        var types = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString())
            .ToList();
        Assert.Equal("session_started", types[0]);
        Assert.Equal("turn_started", types[1]);
        Assert.Contains("reasoning_delta", types);
        Assert.Contains("tool_call_requested", types);
        Assert.Contains("tool_result", types);
        Assert.Contains("usage", types);
        Assert.Equal("turn_completed", types[^2]);
        Assert.Equal("exit", types[^1]);
    }

    [Fact]
    public async Task JsonIsOneObjectAtTheEnd()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("the answer"));

        var result = await h.ExecAsync(["--output-format", "json", "go"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("completed", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("the answer", doc.RootElement.GetProperty("final_text").GetString());
    }

    [Fact]
    public async Task PipedStdinIsAppendedToThePrompt()
    {
        await using var h = await ExecHarness.StartAsync();

        var result = await h.ExecAsync(["summarise this"], stdin: "PIPED-LOG-LINE\n");

        Assert.Equal(0, result.ExitCode);
        var body = Assert.Single(h.Server.ChatRequests).Body;
        Assert.Contains("summarise this", body, StringComparison.Ordinal);
        Assert.Contains("PIPED-LOG-LINE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootDashPIsExec()
    {
        await using var h = await ExecHarness.StartAsync();
        var result = await SovRun.RunAsync(
            ["-p", "say hello", "--endpoint", h.Server.BaseUrl.ToString(), "--model", "scripted-model"],
            workingDirectory: h.Workspace.FullName,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Hello", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTaskIsAUsageError()
    {
        await using var h = await ExecHarness.StartAsync();
        var result = await h.ExecAsync([]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no task given", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiKeyIsReadOnlyFromTheNamedVariable()
    {
        await using var h = await ExecHarness.StartAsync();
        var result = await h.ExecAsync(["--api-key-env", "MY_MODEL_KEY", "hi"], environment: new Dictionary<string, string> { ["MY_MODEL_KEY"] = "k-123" });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer k-123", Assert.Single(h.Server.ChatRequests).Authorization);
    }

    [Fact]
    public async Task AnUnsetKeyVariableIsAConfigError()
    {
        await using var h = await ExecHarness.StartAsync();
        var result = await h.ExecAsync(["--api-key-env", "NOT_SET_ANYWHERE", "hi"]);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOT_SET_ANYWHERE", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(h.Server.ChatRequests);
    }

    [Fact]
    public async Task UserConfigProfileSuppliesEndpointAndModel()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Directory.CreateTempSubdirectory("sov-home-");
        File.WriteAllText(Path.Combine(home.FullName, "config.toml"), $"""
            profile = "lab"

            [profiles.lab]
            endpoint = "{h.Server.BaseUrl}"
            model = "from-profile"
            """);

        var result = await SovRun.RunAsync(["exec", "hi"], sovHome: home.FullName, workingDirectory: h.Workspace.FullName,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"model\":\"from-profile\"", Assert.Single(h.Server.ChatRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenUnicodeAndEscapesFromTheModelAreRevealedOnTheTerminal()
    {
        // A hostile model must not clear the screen or reorder text with a bidi override in our output.
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("Hi\u001b[2J there \u202Eevil\u202C"));

        var result = await h.ExecAsync(["hi"]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u202E', result.Stdout);
        Assert.Contains("evil", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("stream-json")]
    public async Task AFailureBeforeTheSessionIsStillWellFormedOnStdout(string format)
    {
        await using var h = await ExecHarness.StartAsync();

        var result = await h.ExecAsync(["--output-format", format, "--api-key-env", "UNSET_KEY_VAR", "hi"]);

        Assert.Equal(3, result.ExitCode);
        var last = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(last);
        Assert.Equal(3, doc.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Contains("UNSET_KEY_VAR", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("UNSET_KEY_VAR", result.Stderr, StringComparison.Ordinal);
    }
}
