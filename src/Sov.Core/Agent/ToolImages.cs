using Microsoft.Extensions.AI;
using Sov.Core.Tools;

namespace Sov.Core.Agent;

/// <summary>
/// Images tools returned (read_file on an image, for a model that accepts images) go to the model as one user message
/// after the tool results: OpenAI-compatible servers take image parts in user messages, not in tool messages. Each image
/// is introduced by a line naming the call and file it came from.
/// </summary>
internal static class ToolImages
{
    /// <summary>The message carrying the images of <paramref name="outputs"/>, or null when none returned one.</summary>
    public static ChatMessage? Message(IReadOnlyList<FunctionCallContent> calls, IReadOnlyList<ToolOutput> outputs)
    {
        List<AIContent>? contents = null;
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Image is { } image && !outputs[i].IsError)
            {
                (contents ??= []).Add(new TextContent($"Image from {calls[i].Name} ({image.Source}):"));
                contents.Add(new DataContent(image.Bytes, image.MediaType));
            }
        }

        return contents is null ? null : TurnPrompts.Added(new ChatMessage(ChatRole.User, contents), "image");
    }
}
