using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Interactive;

/// <summary>
/// #14: the hidden-text question is an approval event like any other, asked by the terminal's own loop (it used to be
/// read from the terminal on the agent's worker thread): first the tool call, then the hidden characters, each one key.
/// </summary>
public sealed class HiddenTextApprovalTests
{
    [Fact]
    public async Task AWriteWithHiddenCharactersAsksAfterTheCallIsApprovedAndNoKeepsTheFileUnwritten()
    {
        await using var h = await TerminalHarness.StartAsync();
        var arguments = JsonSerializer.Serialize(new { path = "check.cs", content = "var ok = \"user\u202E nimda\";\n" });
        h.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_file", arguments), ScriptedResponse.Text("Left it unwritten."));
        var t = await h.OpenAsync("--mode", "ask");

        await t.TypeLineAsync("write the check");
        await t.WaitForTextAsync("allow? [y]es once");
        await t.SendKeys("y", literal: true);
        var screen = await t.WaitForTextAsync("allow? [y]es · [n]o");
        Assert.Contains("Write it anyway?", screen, StringComparison.Ordinal);
        Assert.Contains("hidden character(s)", screen, StringComparison.Ordinal);
        Assert.Contains("U+202E", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", screen, StringComparison.Ordinal); // shown revealed
        await t.SendKeys("n", literal: true);
        await t.WaitForTextAsync("Left it unwritten.");

        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "check.cs")));
        Assert.Contains("hidden Unicode", h.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
    }
}
