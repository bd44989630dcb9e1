using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// Turns the events of one streamed answer into <see cref="ChatResponseUpdate"/>s: text and reasoning as they
/// come, tool calls and usage at the end. Enforces the progress rule (no new text, reasoning or tool-call bytes
/// for the idle timeout ends the answer, even while empty deltas keep arriving), the runaway bound on text
/// and, apart from it, the bound on tool-call arguments (#13.4, #13.8).
/// </summary>
internal sealed class AnswerStreamReader(ModelClientOptions options, IReadOnlySet<string>? knownTools = null)
{
    public async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(SseReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calls = new ToolCallAccumulator();
        var think = new ThinkTagSplitter();
        var reasoningText = new System.Text.StringBuilder();
        var contentText = new System.Text.StringBuilder();
        long chars = 0;
        long argumentChars = 0;
        string? finish = null;
        string? responseId = null;
        UsageDetails? usage = null;
        var done = false;
        using var idle = new CancellationTokenSource(Seconds.Timer(options.IdleTimeout));
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        while (true)
        {
            var data = await ReadEventAsync(reader, read.Token, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                break;
            }

            if (data.Trim() == "[DONE]")
            {
                done = true;
                break;
            }

            StreamChunk chunk;
            try
            {
                chunk = StreamChunkParser.Parse(data);
            }
            catch (JsonException)
            {
                throw new ModelStreamInterruptedException("the server sent a malformed stream event");
            }

            if (chunk.ErrorMessage is { } error)
            {
                throw ErrorBody.IsContextLength(error)
                    ? new ContextLengthException(error)
                    : new ModelException($"The model server reported an error mid-answer: {error}", "Check the model server's log; run the task again.");
            }

            responseId ??= chunk.ResponseId;
            finish = chunk.FinishReason ?? finish;
            if (chunk.InputTokens is not null || chunk.OutputTokens is not null)
            {
                usage = new UsageDetails { InputTokenCount = chunk.InputTokens, OutputTokenCount = chunk.OutputTokens, TotalTokenCount = chunk.TotalTokens };
            }

            var progress = (long)(chunk.Content?.Length ?? 0) + (chunk.Reasoning?.Length ?? 0);
            chars += progress;
            foreach (var (index, id, name, arguments) in chunk.ToolCalls)
            {
                calls.Add(index, id, name, arguments);
                var piece = (long)(id?.Length ?? 0) + (name?.Length ?? 0) + (arguments?.Length ?? 0);
                argumentChars += piece;
                progress += piece;
            }

            if (chars > options.MaxResponseChars)
            {
                throw new ModelException(
                    $"The model kept streaming past {options.MaxResponseChars:N0} characters without finishing; stopped it.",
                    "The model may be looping: lower its temperature, or check the server's chat template.");
            }

            if (argumentChars > options.MaxToolArgumentChars)
            {
                throw new ModelException(
                    $"The model's tool calls in one answer passed {options.MaxToolArgumentChars:N0} characters of arguments; stopped them.",
                    "Ask for the change in smaller pieces (several writes or edits).");
            }

            if (progress > 0)
            {
                idle.CancelAfter(Seconds.Timer(options.IdleTimeout));
            }

            var contents = new List<AIContent>(2);
            if (!string.IsNullOrEmpty(chunk.Reasoning))
            {
                contents.Add(new TextReasoningContent(chunk.Reasoning));
            }

            if (!string.IsNullOrEmpty(chunk.Content))
            {
                foreach (var (reasoning, text) in think.Feed(chunk.Content))
                {
                    contents.Add(reasoning ? new TextReasoningContent(text) : new TextContent(text));
                }
            }

            foreach (var content in contents)
            {
                _ = content is TextReasoningContent r ? reasoningText.Append(r.Text) : contentText.Append(((TextContent)content).Text);
            }

            if (contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, contents) { ResponseId = responseId, ModelId = chunk.Model };
            }
        }

        if (!done && finish is null)
        {
            throw new ModelStreamInterruptedException("the stream ended before the answer finished");
        }

        var tail = new List<AIContent>();
        if (think.Flush() is { } held)
        {
            tail.Add(held.Reasoning ? new TextReasoningContent(held.Text) : new TextContent(held.Text));
        }

        foreach (var c in tail)
        {
            _ = c is TextReasoningContent r ? reasoningText.Append(r.Text) : contentText.Append(((TextContent)c).Text);
        }

        var built = calls.Build();
        tail.AddRange(built.Count > 0 ? built : Rescued(reasoningText.ToString(), contentText.ToString()));
        if (usage is not null)
        {
            tail.Add(new UsageContent(usage));
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, tail)
        {
            ResponseId = responseId,
            FinishReason = finish is null ? null : new ChatFinishReason(finish),
        };
    }

    /// <summary>
    /// Complete calls printed in the reasoning when the answer has none, natively or in its text (#16: Qwen3 and
    /// gpt-oss on servers without the matching parser). Calls in the text are the agent loop's to find.
    /// </summary>
    private IReadOnlyList<FunctionCallContent> Rescued(string reasoning, string content)
    {
        if (knownTools is not { Count: > 0 } || reasoning.Length == 0 || ContentToolCallParser.Parse(content, knownTools).Calls.Count > 0)
        {
            return [];
        }

        return ContentToolCallParser.ParseReasoning(reasoning, knownTools);
    }

    private async Task<string?> ReadEventAsync(SseReader reader, CancellationToken read, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadEventAsync(read).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelStalledException(options.IdleTimeout);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ModelStreamInterruptedException("the connection was reset");
        }
    }
}
