using System.Text;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Models;

namespace Sov.Core.Agent;

/// <summary>
/// Reads one model answer into an <see cref="AssistantStep"/>, emitting its deltas, usage and retries as they
/// come. Text already streamed is kept in <see cref="Streamed"/> so a turn that fails mid-answer still shows and
/// keeps it (#13.5). An answer with neither text nor tool calls, or one the server cut at its token limit, is
/// refused with <see cref="AnswerRefusedException"/> (#13.5); tool calls sharing an id are renamed (#13.8). The options (the tools
/// offered) are asked for each request: plan mode offers fewer (#17).
/// </summary>
internal sealed class AnswerReader(IChatClient client, Func<ChatOptions> chatOptions, Tools.ToolRegistry tools, Action<AgentEvent> emit)
{
    /// <summary>The text of the answer being read, as streamed so far.</summary>
    public StringBuilder Streamed { get; } = new();

    /// <summary>Put before every call id (a child's calls, so they cannot collide with the parent's or another child's).</summary>
    public string CallIdPrefix { get; init; } = "";

    public async Task<AssistantStep> ReadAsync(IReadOnlyList<ChatMessage> history, CancellationToken cancellationToken)
    {
        Streamed.Clear();
        var calls = new List<FunctionCallContent>();
        var sawReasoning = false;
        ChatFinishReason? finish = null;
        await foreach (var update in client.GetStreamingResponseAsync(history, chatOptions(), cancellationToken).ConfigureAwait(false))
        {
            finish = update.FinishReason ?? finish;
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent t when t.Text.Length > 0:
                        Streamed.Append(t.Text);
                        emit(new AssistantDelta(t.Text));
                        break;
                    case TextReasoningContent r when r.Text.Length > 0:
                        sawReasoning = true;
                        emit(new ReasoningDelta(r.Text));
                        break;
                    case FunctionCallContent call:
                        calls.Add(call);
                        break;
                    case UsageContent usage:
                        emit(new Usage(usage.Details.InputTokenCount, usage.Details.OutputTokenCount, usage.Details.TotalTokenCount));
                        break;
                    case ModelNotice said: // #16: a small context window, a num_ctx Ollama may ignore
                        emit(new Warning(said.Message));
                        break;
                    case RetryNotice notice:
                        emit(new Warning($"{notice.Message}; retrying in {notice.Delay.TotalSeconds:0.#} s (attempt {notice.Attempt + 1})."));
                        break;
                }
            }
        }

        var answer = Streamed.ToString();
        if (finish == ChatFinishReason.Length)
        {
            throw Refuse(
                "The model's answer was cut off by the server's token limit (finish_reason \"length\").",
                "Raise the server's max tokens for a reply (vLLM --max-tokens or the request default, Ollama num_predict, llama.cpp -n), or ask for a smaller step.");
        }

        var source = "native";
        if (calls.Count == 0)
        {
            var parsed = ContentToolCallParser.Parse(answer, tools.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
            if (parsed.Calls.Count > 0)
            {
                calls.AddRange(parsed.Calls);
                answer = parsed.Text;
                source = "content";
            }
        }

        if (calls.Count == 0 && string.IsNullOrWhiteSpace(answer))
        {
            throw Refuse(
                sawReasoning
                    ? "The model's answer was empty: it reasoned but gave no text and no tool call."
                    : "The model's answer was empty: no text and no tool call.",
                "Check the model server's log and chat template (a reasoning parser may be swallowing the answer); run the task again.");
        }

        calls = ToolCallIds.MakeUnique(calls, emit, CallIdPrefix);
        var contents = new List<AIContent>();
        if (answer.Length > 0)
        {
            contents.Add(new TextContent(answer));
        }

        foreach (var call in calls)
        {
            contents.Add(call);
            emit(new ToolCallRequested(call.CallId, call.Name, RawArguments.Get(call) ?? "{}", CallSource.Get(call, source))); // #16: "reasoning" when rescued
        }

        Streamed.Clear(); // the answer is whole: it goes to the history as the step
        return new AssistantStep(new ChatMessage(ChatRole.Assistant, contents), answer, calls);
    }

    /// <summary>Warns (what happened and what to do, one line) and returns the failure that ends the turn.</summary>
    private AnswerRefusedException Refuse(string what, string remedy)
    {
        emit(new Warning($"{what} {remedy}"));
        return new AnswerRefusedException(what, remedy);
    }
}
