using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Models;

namespace Sov.Core.Agent.Subagents;

/// <summary>
/// One child's loop: a fresh conversation of one user message, asked of the model with the child's own system prompt
/// and tools until it answers without tool calls or runs out of requests. Its calls run through a
/// <see cref="ToolRunner"/> on the parent's gate and context. Cancellation (the parent's interrupt) ends it.
/// </summary>
internal sealed class ChildRun(AnswerReader answers, ToolRunner runner, Action<AgentEvent> emit, AgentOptions options, int maxRequests)
{
    public async Task<(TurnOutcome Outcome, string Text, int Requests)> RunAsync(string prompt, CancellationToken cancellationToken)
    {
        var history = new List<ChatMessage> { new(ChatRole.User, prompt) };
        var text = "";
        var retries = 0;
        var requests = 0;
        while (requests < maxRequests)
        {
            requests++;
            AssistantStep step;
            try
            {
                step = await answers.ReadAsync(history, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelStreamInterruptedException e) when (retries < options.MaxStreamRetries)
            {
                retries++;
                emit(new Warning($"{e.Message} Asking again ({retries}/{options.MaxStreamRetries})."));
                continue;
            }

            text = step.Text;
            history.Add(step.Message);
            if (step.Calls.Count == 0)
            {
                return (TurnOutcome.Completed, text, requests);
            }

            history.Add(new ChatMessage(ChatRole.Tool, [.. (await ToolBatch.RunAsync(runner, step.Calls, emit, cancellationToken).ConfigureAwait(false)).Results]));
        }

        return (TurnOutcome.MaxTurns, text, requests);
    }
}
