using Sov.Cli.Acp;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;

namespace Sov.Tests.Cli.Acp;

/// <summary>#18: a prompt's content blocks as the model's one message; what Sovereign does not offer is invalid params.</summary>
public sealed class AcpPromptTests
{
    [Fact]
    public void TextAndEmbeddedContextBecomeOneMessage()
    {
        var text = AcpPrompt.Text([
            new ContentBlock("text", "Explain this"),
            new ContentBlock("resource", Resource: new EmbeddedResource("file:///ws/a.c", "int main;", "text/x-c", null)),
            new ContentBlock("resource_link", Name: "b.c", Uri: "file:///ws/b.c"),
        ]);
        Assert.StartsWith("Explain this", text, StringComparison.Ordinal);
        Assert.Contains("<context uri=\"file:///ws/a.c\">\nint main;\n</context>", text, StringComparison.Ordinal);
        Assert.Contains("[b.c](file:///ws/b.c)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("audio")]
    public void ContentNotOfferedIsInvalidParams(string type)
    {
        var e = Assert.Throws<RpcException>(() => AcpPrompt.Text([new ContentBlock("text", "look"), new ContentBlock(type, Data: "AAAA", MimeType: "image/png")]));
        Assert.Equal(RpcCodes.InvalidParams, e.Code);
    }

    [Fact]
    public void AnEmptyPromptIsInvalidParams()
    {
        Assert.Equal(RpcCodes.InvalidParams, Assert.Throws<RpcException>(() => AcpPrompt.Text([])).Code);
        Assert.Equal(RpcCodes.InvalidParams, Assert.Throws<RpcException>(() => AcpPrompt.Text([new ContentBlock("text", "  ")])).Code);
    }
}
