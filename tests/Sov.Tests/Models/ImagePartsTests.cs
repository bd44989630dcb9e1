using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Models;

namespace Sov.Tests.Models;

/// <summary>Images go as OpenAI content parts with a data URL; messages without one keep their string content (#17).</summary>
public sealed class ImagePartsTests
{
    [Fact]
    public void AMessageWithAnImageIsWrittenAsTextAndImageUrlParts()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47];
        var body = Encoding.UTF8.GetString(ChatRequestWriter.Write("m", [
            new ChatMessage(ChatRole.User, [new TextContent("look"), new DataContent(png, "image/png")]),
        ], null));
        using var doc = JsonDocument.Parse(body);
        var content = doc.RootElement.GetProperty("messages")[0].GetProperty("content");
        Assert.Equal(JsonValueKind.Array, content.ValueKind);
        Assert.Equal("text", content[0].GetProperty("type").GetString());
        Assert.Equal("look", content[0].GetProperty("text").GetString());
        Assert.Equal("image_url", content[1].GetProperty("type").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), content[1].GetProperty("image_url").GetProperty("url").GetString());
    }

    [Fact]
    public void AMessageWithoutAnImageKeepsItsStringContent()
    {
        var body = Encoding.UTF8.GetString(ChatRequestWriter.Write("m", [new ChatMessage(ChatRole.User, "look")], null));
        Assert.Contains("""{"role":"user","content":"look"}""", body, StringComparison.Ordinal);
    }
}
