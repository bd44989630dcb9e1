using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// A message that carries an image is written with the OpenAI content-parts form: <c>{"type":"text","text":...}</c> for its
/// text and <c>{"type":"image_url","image_url":{"url":"data:image/png;base64,..."}}</c> for each image, in order. Every
/// other message keeps its plain string content, so requests without images are byte-for-byte what they were.
/// </summary>
internal static class ImageParts
{
    public static bool Has(ChatMessage message) => message.Contents.Any(IsImage);

    public static void Write(Utf8JsonWriter w, ChatMessage message)
    {
        w.WriteStartArray("content");
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    w.WriteStartObject();
                    w.WriteString("type", "text");
                    w.WriteString("text", text.Text);
                    w.WriteEndObject();
                    break;
                case DataContent data when IsImage(data):
                    w.WriteStartObject();
                    w.WriteString("type", "image_url");
                    w.WriteStartObject("image_url");
                    w.WriteString("url", data.Uri);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
            }
        }

        w.WriteEndArray();
    }

    private static bool IsImage(AIContent content) => content is DataContent data && data.HasTopLevelMediaType("image");
}
