using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Tools;

namespace Sov.Core.Agent;

/// <summary>
/// Runs the tool calls of one answer (all at once when every one is read-only, else one after another), emits each
/// result, and returns them as the tool message's contents, errors marked for the model, whether one of them ends the turn (an approved plan, #17), and the images
/// read for a model that accepts them (#17), as a user message to follow the results. The session's loop and a
/// subagent's loop share it.
/// </summary>
internal static class ToolBatch
{
    public static async Task<ToolBatchResult> RunAsync(ToolRunner runner, IReadOnlyList<FunctionCallContent> calls,
        Action<AgentEvent> emit, CancellationToken cancellationToken)
    {
        var outputs = new ToolOutput[calls.Count];
        if (calls.All(runner.IsReadOnly))
        {
            await Task.WhenAll(calls.Select(async (call, i) => outputs[i] = await runner.RunAsync(call, cancellationToken).ConfigureAwait(false)))
                .ConfigureAwait(false);
        }
        else
        {
            for (var i = 0; i < calls.Count; i++)
            {
                outputs[i] = await runner.RunAsync(calls[i], cancellationToken).ConfigureAwait(false);
            }
        }

        var results = new List<FunctionResultContent>(calls.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            emit(new ToolResult(calls[i].CallId, calls[i].Name, outputs[i].Text, outputs[i].IsError));
            results.Add(new FunctionResultContent(calls[i].CallId, outputs[i].IsError ? "Error: " + outputs[i].Text : outputs[i].Text));
        }

        return new ToolBatchResult(results, outputs.Any(o => o.EndsTurn), ToolImages.Message(calls, outputs));
    }
}
