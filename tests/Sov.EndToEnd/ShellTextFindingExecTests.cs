using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>
/// #21 on the published binary: a sandboxed shell command that writes a bidi override into a script in the workspace
/// runs, and the text border's finding (file, category, position) is in the tool result the model sees, a stream-json
/// <c>warning</c> and a <c>shell_text_finding</c> journal record. A clean command adds none of them.
/// </summary>
public sealed class ShellTextFindingExecTests
{
    [Fact]
    public async Task AHiddenCharacterACommandWroteIsShownJournaledAndToldToTheModel()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Directory.CreateTempSubdirectory("sov-shelltext-home-").FullName;
        try
        {
            var command = "printf 'var s = \"\\342\\200\\256evil\";\\n' > app.js && printf 'clean\\n' > clean.js";
            h.Server.Enqueue(
                new ScriptedResponse().ToolCall("call_1", "shell", JsonSerializer.Serialize(new { command })),
                new ScriptedResponse().ToolCall("call_2", "shell", JsonSerializer.Serialize(new { command = "printf 'ok\\n' > other.js" })),
                ScriptedResponse.Text("Done."));

            var result = await h.ExecAsync(["--mode", "full-auto", "--output-format", "stream-json", "write the script"], sovHome: home);

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains("\u202E", File.ReadAllText(Path.Combine(h.Workspace.FullName, "app.js")), StringComparison.Ordinal); // the command ran
            var told = h.Server.ChatRequests[1].ToolMessage("call_1");
            Assert.Contains("app.js line 1, column 10: U+202E bidi", told, StringComparison.Ordinal);
            Assert.Contains("sov scan --no-suppress --fix 'app.js'", told, StringComparison.Ordinal);
            Assert.DoesNotContain("clean.js line", told, StringComparison.Ordinal);
            Assert.DoesNotContain("hidden", h.Server.ChatRequests[2].ToolMessage("call_2"), StringComparison.Ordinal);

            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var warning = Assert.Single(lines, l => l.GetProperty("type").GetString() == "warning"
                && l.GetProperty("message").GetString()!.Contains("app.js line 1", StringComparison.Ordinal));
            Assert.DoesNotContain("\u202E", warning.GetProperty("message").GetString(), StringComparison.Ordinal);

            var id = lines[0].GetProperty("session_id").GetString()!;
            var records = File.ReadAllLines(Path.Combine(home, "journal", id + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var finding = Assert.Single(records, r => r.GetProperty("type").GetString() == "shell_text_finding");
            Assert.Equal("app.js", finding.GetProperty("path").GetString());
            Assert.Equal("bidi", finding.GetProperty("category").GetString());
            Assert.Equal("U+202E", finding.GetProperty("code_point").GetString());
            Assert.Equal(1, finding.GetProperty("line").GetInt32());
            Assert.Equal(10, finding.GetProperty("column").GetInt32());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
