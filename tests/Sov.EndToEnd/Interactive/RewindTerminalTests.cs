using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Interactive;

/// <summary>
/// #17, rewind in the terminal on the published binary: Esc Esc on an empty prompt lists the turns; going back to before
/// the second restores the files and the conversation: the next request (and the one after <c>--continue</c>) no longer
/// holds the rewound turns; the journal says which turn and that the files were restored.
/// </summary>
public sealed class RewindTerminalTests
{
    [Fact]
    public async Task EscEscRewindsTheConversationAndTheFilesAndContinueKeepsItSo()
    {
        await using var h = await TerminalHarness.StartAsync();
        h.WriteFile("a.txt", "one\n");
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "write_file", """{"path":"a.txt","content":"two\n"}"""), ScriptedResponse.Text("Wrote two."),
            new ScriptedResponse().ToolCall("c2", "write_file", """{"path":"a.txt","content":"three\n"}"""),
            new ScriptedResponse().ToolCall("c3", "write_file", """{"path":"b.txt","content":"new\n"}"""), ScriptedResponse.Text("Wrote three."),
            ScriptedResponse.Text("Third answer."),
            ScriptedResponse.Text("After the rewind."),
            ScriptedResponse.Text("Continued."));
        var t = await h.OpenAsync("--mode", "auto-edit");
        await t.TypeLineAsync("first prompt");
        await t.WaitForTextAsync("Wrote two.");
        await t.TypeLineAsync("second prompt");
        await t.WaitForTextAsync("Wrote three.");
        await t.TypeLineAsync("third prompt");
        await t.WaitForTextAsync("Third answer.");
        var a = Path.Combine(h.Workspace.FullName, "a.txt");
        var b = Path.Combine(h.Workspace.FullName, "b.txt");
        Assert.Equal("three\n", File.ReadAllText(a));

        await t.SendKeys("Escape");
        await t.SendKeys("Escape");
        var listed = await t.WaitForTextAsync("rewind to before which turn?");
        Assert.Contains("1  first prompt", listed, StringComparison.Ordinal);
        Assert.Contains("3  third prompt", listed, StringComparison.Ordinal);
        await t.TypeLineAsync("2");
        await t.WaitForTextAsync("restore the files too?");
        await t.SendKeys("y", literal: true);
        await t.WaitForTextAsync("Rewound to before turn 2");

        Assert.Equal("two\n", File.ReadAllText(a));
        Assert.False(File.Exists(b));
        await t.TypeLineAsync("after");
        await t.WaitForTextAsync("After the rewind.");
        AssertOnlyTheFirstTurn(h.Server.ChatRequests[^1].Body);

        await t.SendKeys("C-d");
        await t.WaitForTextAsync("[sov exited 0]");
        var again = await h.OpenAsync("--continue");
        await again.TypeLineAsync("again");
        await again.WaitForTextAsync("Continued.");
        AssertOnlyTheFirstTurn(h.Server.ChatRequests[^1].Body);

        var rewind = Directory.GetFiles(Path.Combine(h.Home.FullName, "journal"), "*.jsonl").SelectMany(File.ReadAllLines)
            .Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("type").GetString() == "rewind");
        Assert.Equal(2, rewind.GetProperty("turn").GetInt32());
        Assert.True(rewind.GetProperty("files").GetBoolean());
        Assert.Equal(1, rewind.GetProperty("files_restored").GetInt32());
        Assert.Equal(1, rewind.GetProperty("files_removed").GetInt32());
    }

    private static void AssertOnlyTheFirstTurn(string body)
    {
        Assert.Contains("first prompt", body, StringComparison.Ordinal);
        Assert.Contains("Wrote two.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("second prompt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("third prompt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote three.", body, StringComparison.Ordinal);
    }
}
