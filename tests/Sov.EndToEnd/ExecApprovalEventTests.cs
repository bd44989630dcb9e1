using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>
/// #14: every approval is an <c>approval_requested</c> event with a kind. Hidden characters in a write used to be asked
/// from the tool, at the terminal, and never reached stream-json; in <c>sov exec</c> the question is now on the stream
/// (kind <c>hidden_text</c>), and the write is refused as before, since nobody can answer.
/// </summary>
public sealed class ExecApprovalEventTests
{
    [Fact]
    public async Task HiddenTextInAnAllowedWriteIsAnApprovalEventInStreamJsonAndIsRefused()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Directory.CreateTempSubdirectory("sov-home-");
        File.WriteAllText(Path.Combine(home.FullName, "config.toml"), """
            [permissions]
            allow = ["write:notes.md"]
            """);
        var arguments = JsonSerializer.Serialize(new { path = "notes.md", content = "user\u202E nimda\n" });
        h.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_file", arguments), ScriptedResponse.Text("done"));

        var result = await h.ExecAsync(["--mode", "ask", "--output-format", "stream-json", "write notes"], sovHome: home.FullName);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ask = Assert.Single(lines, l => l.GetProperty("type").GetString() == "approval_requested");
        Assert.Equal("hidden_text", ask.GetProperty("kind").GetString());
        Assert.Equal("call_1", ask.GetProperty("call_id").GetString());
        Assert.Equal("write_file", ask.GetProperty("name").GetString());
        Assert.Contains("U+202E", ask.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(ask.GetProperty("session_id").GetString()));
        var result1 = Assert.Single(lines, l => l.GetProperty("type").GetString() == "tool_result");
        Assert.True(result1.GetProperty("is_error").GetBoolean());
        Assert.Contains("hidden Unicode", result1.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "notes.md")));
        home.Delete(recursive: true);
    }
}
