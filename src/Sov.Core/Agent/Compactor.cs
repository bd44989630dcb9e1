using Microsoft.Extensions.AI;

namespace Sov.Core.Agent;

/// <summary>
/// Frees context by a summary turn: the model is asked to summarise the conversation so far, and the
/// conversation becomes that summary plus the last exchange. The session file keeps the full history.
/// </summary>
internal static class Compactor
{
    private const string Ask =
        "Summarise our conversation so far for yourself, to continue the work with less context: the task, "
        + "decisions made, files read or changed (paths), what is done and what remains. Be concise; plain Markdown.";

    public static async Task<List<ChatMessage>> CompactAsync(IChatClient client, IReadOnlyList<ChatMessage> history, string? instructions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new List<ChatMessage>(history) { new(ChatRole.User, Ask) };
        var response = await client.GetResponseAsync(request, new ChatOptions { Instructions = instructions }, cancellationToken).ConfigureAwait(false);
        var summary = response.Text.Trim();
        if (summary.Length == 0)
        {
            throw new InvalidOperationException("The model returned an empty summary.");
        }

        return
        [
            TurnPrompts.Added(new ChatMessage(ChatRole.User, "Summary of the conversation so far (compacted to save context):\n\n" + summary), "summary"),
            new ChatMessage(ChatRole.Assistant, "Understood. I will continue from this summary."),
        ];
    }
}
