using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Models;
using Sov.Core.Prompts;
using Sov.Core.Tools;

namespace Sov.Tests.Models;

public sealed class ChatRequestWriterTests
{
    [Fact]
    public void SayHelloWithAllBuiltInToolsFitsIn8KiB()
    {
        var prompt = SystemPrompt.Build(new EnvironmentContext("/home/someone/projects/a-fairly-long-project-name", "Linux", new DateOnly(2026, 11, 24), null));
        var options = new ChatOptions { Instructions = prompt, Tools = [.. ToolRegistry.ReadOnlyBuiltIns().All.Select(ToolDeclaration.From)] };
        var body = ChatRequestWriter.Write("Qwen/Qwen3-Coder-30B-A3B-Instruct", [new ChatMessage(ChatRole.User, "say hello")], options);
        Assert.True(body.Length <= 8192, $"{body.Length} bytes");
    }

    [Fact]
    public void ToolCallsAndResultsRoundTripInTheOpenAiShape()
    {
        var call = RawArguments.CreateCall("call_1", "read_file", """{"path":"a"}""");
        var body = Encoding.UTF8.GetString(ChatRequestWriter.Write("m", [
            new ChatMessage(ChatRole.User, "read a"),
            new ChatMessage(ChatRole.Assistant, [new TextReasoningContent("secret thought"), call]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "file text")]),
        ], null));
        using var doc = JsonDocument.Parse(body);
        var messages = doc.RootElement.GetProperty("messages");
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("content").ValueKind);
        Assert.Equal("""{"path":"a"}""", messages[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("tool", messages[2].GetProperty("role").GetString());
        Assert.Equal("call_1", messages[2].GetProperty("tool_call_id").GetString());
        Assert.DoesNotContain("secret thought", body, StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public void MalformedArgumentsGoBackAsValidJsonKeepingTheirText()
    {
        // #16: echoed exactly, they made llama-server refuse every later request ("Failed to parse tool call arguments as JSON").
        var call = RawArguments.CreateCall("c", "read_file", """{"path": """);
        using var doc = JsonDocument.Parse(ChatRequestWriter.Write("m", [new ChatMessage(ChatRole.Assistant, [call])], null));
        var arguments = doc.RootElement.GetProperty("messages")[0].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!;
        using var parsed = JsonDocument.Parse(arguments);
        Assert.Equal("""{"path": """, parsed.RootElement.GetProperty(ToolCallArguments.UnparsedKey).GetString());
    }
}
