using System.Text.Json;
using Sov.Core.Prompts;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

/// <summary>Text crossing into the model goes through the text border (DESIGN.md, "Text border").</summary>
public sealed class TextBorderCrossingTests
{
    private const string Hidden = "ok\u200B\u202Eevil\u202C"; // zero-width space and a bidi override

    [Fact]
    public async Task HiddenUnicodeInAFileIsRevealedToTheModel()
    {
        // Invisible instructions in a repository file must not reach the model invisibly.
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("a.txt", Hidden);
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "read_file", """{"path":"a.txt"}"""), ScriptedResponse.Text("ok"));

        await h.RunAsync("read a.txt");

        using var doc = JsonDocument.Parse(h.Model.Server.ChatRequests[1].Body);
        var tool = doc.RootElement.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        var content = tool.GetProperty("content").GetString()!;
        Assert.DoesNotContain('\u200B', content);
        Assert.DoesNotContain('\u202E', content);
        Assert.Contains("evil", content, StringComparison.Ordinal);
    }

    [Fact]
    public void HiddenUnicodeInAgentsMdIsRevealed()
    {
        var prompt = SystemPrompt.Build(new EnvironmentContext("/w", "Linux", new DateOnly(2026, 11, 24), "Be nice." + Hidden));
        Assert.DoesNotContain('\u200B', prompt);
        Assert.DoesNotContain('\u202E', prompt);
    }
}
