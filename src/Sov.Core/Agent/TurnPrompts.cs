using Microsoft.Extensions.AI;

namespace Sov.Core.Agent;

/// <summary>
/// Which user messages are the person's prompts. The loop also adds user messages of its own: the images a tool read
/// (<c>image</c>), what a Stop hook said to go on with (<c>hook</c>) and a compaction's summary (<c>summary</c>). Those
/// carry a mark the session file keeps, so turns (rewind, the resumed view) count prompts only.
/// </summary>
public static class TurnPrompts
{
    public const string Key = "sov.added_by";

    /// <summary>A user message the loop added, marked with why (<c>image</c>, <c>hook</c>, <c>summary</c>).</summary>
    public static ChatMessage Added(ChatMessage message, string why)
    {
        ArgumentNullException.ThrowIfNull(message);
        (message.AdditionalProperties ??= [])[Key] = why;
        return message;
    }

    /// <summary>True for a user message the person wrote (with whatever the loop put around it), false for anything else.</summary>
    public static bool IsPrompt(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Role == ChatRole.User && message.AdditionalProperties?.ContainsKey(Key) != true;
    }
}
