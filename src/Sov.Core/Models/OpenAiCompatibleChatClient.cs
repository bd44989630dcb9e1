using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// <see cref="IChatClient"/> over our own lean SSE client for OpenAI-compatible chat completions
/// (see README.md in this folder for why not the OpenAI SDK). The HttpClient comes from Sov.Borders
/// (the egress gate). Streams text, reasoning (<see cref="TextReasoningContent"/>), native tool calls
/// assembled from pieces (<see cref="FunctionCallContent"/>, yielded once complete) and usage.
/// Retries 429 (Retry-After honoured), 408, 5xx, resets and first-byte timeouts before any output,
/// with bounded jittered backoff; a break after output started is <see cref="ModelStreamInterruptedException"/>.
/// </summary>
public sealed class OpenAiCompatibleChatClient(HttpClient http, ModelEndpoint endpoint, ModelClientOptions? options = null) : IChatClient
{
    private readonly ModelClientOptions _options = options ?? new ModelClientOptions();

    public ModelEndpoint Endpoint { get; private set; } = endpoint;

    /// <summary>Sends later requests to <paramref name="model"/> on the same endpoint (between turns: a request already sent keeps its model).</summary>
    public void SwitchModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Endpoint = Endpoint with { Model = model };
        Window = null;
    }

    /// <summary>What the server said about its context window (null until the first request asked, #16).</summary>
    public ServerWindow? Window { get; private set; }

    /// <summary>The tokens one request may hold: the server's figure (or the configured one when Ollama is asked for more), else the configured one; null when neither is known.</summary>
    public int? ContextWindow { get; private set; }

    /// <summary>
    /// How request bodies are written: changed for the rest of the session when the server refused one (its history,
    /// its tool schemas), so later requests keep one stable byte prefix again after that one change (#16).
    /// </summary>
    public ChatRequestShape Shape { get; set; } = ChatRequestShape.Default;

    /// <summary>Called with each request body just before it is sent (benchmarks, journal, tests).</summary>
    public Action<ReadOnlyMemory<byte>>? OnRequestBody { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The whole answer, retries included, has one deadline (#13.4): a trickle that never ends still ends.
        using var deadline = new CancellationTokenSource(Seconds.Timer(_options.AnswerTimeout));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var answer = AnswerAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        await using (answer.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await answer.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                    && e is OperationCanceledException or ModelStalledException)
                {
                    throw new AnswerTimeoutException(_options.AnswerTimeout);
                }

                yield return answer.Current;
            }
        }
    }

    private async IAsyncEnumerable<ChatResponseUpdate> AnswerAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var first = Window is null;
        if (first)
        {
            Window = _options.ProbeContextWindow
                ? await ContextProbe.ProbeAsync(http, Endpoint, _options.ProbeTimeout, cancellationToken).ConfigureAwait(false)
                : ServerWindow.Unknown;
            var plan = WindowPlan.For(Window, _options.ContextWindow, Endpoint.Model);
            ContextWindow = plan.Tokens;
            if (plan.OllamaNumCtx is { } numCtx)
            {
                Shape = Shape with { OllamaNumCtx = numCtx };
            }

            if (plan.Notice is { } said)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [new ModelNotice(said)]);
            }
        }

        var body = ChatRequestWriter.Write(Endpoint.Model, history, options, Shape);
        if (WindowPlan.Check(body.Length, ContextWindow, Window, first ? _options.AnswerRoomTokens : null) is { } small)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new ModelNotice(small)]);
        }
        HttpResponseMessage? response = null;
        for (var attempt = 0; response is null; attempt++)
        {
            var outcome = await SendOnceAsync(body, attempt, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is not null)
            {
                response = outcome.Response;
                break;
            }

            if (outcome.Refusal is { } refusal)
            {
                // #16: a request the server refused for its content is never sent again unchanged: reshaped once, else failed.
                var reshaped = refusal.Reshape(Shape);
                var again = reshaped is null ? null : ChatRequestWriter.Write(Endpoint.Model, history, options, reshaped);
                if (again is null || again.AsSpan().SequenceEqual(body))
                {
                    throw refusal.Failure;
                }

                Shape = reshaped!;
                body = again;
                attempt--; // a reshaped request is a first attempt of its own
                yield return new ChatResponseUpdate(ChatRole.Assistant, [new RetryNotice(refusal.Notice, attempt + 1, TimeSpan.Zero)]);
                continue;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, [new RetryNotice(outcome.RetryReason!, attempt + 1, outcome.Delay)]);
            await Task.Delay(outcome.Delay, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // SSE or one JSON completion (a server that ignores "stream": true): told apart by the body, not its label.
                var reader = new SseReader(stream, _options.MaxEventBytes);
                await foreach (var update in new AnswerStreamReader(_options, KnownTools(options)).ReadAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    yield return update;
                }
            }
        }
    }

    private async Task<SendOutcome> SendOnceAsync(byte[] body, int attempt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.ChatCompletions)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (!string.IsNullOrEmpty(Endpoint.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Endpoint.ApiKey);
        }

        OnRequestBody?.Invoke(body);
        var canRetry = attempt < _options.MaxRetries;
        HttpResponseMessage response;
        using (var firstByte = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            firstByte.CancelAfter(_options.FirstByteTimeout);
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, firstByte.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var reason = $"no response within {Seconds.Text(_options.FirstByteTimeout)}";
                return canRetry
                    ? Retry(reason, attempt)
                    : throw new ModelException($"The model endpoint {Endpoint.BaseUrl} gave {reason}, {attempt + 1} times.", "Check the server is not overloaded, or raise first_byte_timeout_seconds in config.toml.");
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                throw new ModelUnreachableException(Endpoint.BaseUrl, e.HttpRequestError == HttpRequestError.NameResolutionError ? "name not found" : "connection refused");
            }
            catch (HttpRequestException e)
            {
                return canRetry
                    ? Retry($"connection failed ({PlainErrors.Describe(e)})", attempt)
                    : throw new ModelException($"The connection to {Endpoint.BaseUrl} kept failing ({PlainErrors.Describe(e)}).", "Check the model server's log.");
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return new SendOutcome(response, null, TimeSpan.Zero, null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var message = ErrorBody.Message(await ErrorBody.ReadAsync(response.Content, _options.IdleTimeout, cancellationToken).ConfigureAwait(false));
            if (ErrorBody.IsContextLength(message))
            {
                // Ollama answers 500 for an over-long input, llama.cpp and vLLM 400: never retried (#13.8).
                throw new ContextLengthException(message);
            }

            if (RequestRefusal.ToolsRefused(status, message, Endpoint) is { } noTools)
            {
                throw noTools; // whatever the status: retrying cannot teach a server tool calls
            }

            if (RequestRefusal.From(status, message, Endpoint) is { } refusal)
            {
                return new SendOutcome(null, null, TimeSpan.Zero, refusal);
            }

            if (status == 429 || status == 408 || status >= 500)
            {
                if (!canRetry)
                {
                    throw new ModelException(
                        $"The model endpoint kept failing: HTTP {status} {message} ({attempt + 1} attempts).",
                        status == 429 ? "The server is busy: wait and run the task again." : "Check the model server's log; run the task again.");
                }

                var delay = RetryDelay.FromRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow, _options.MaxDelay)
                    ?? RetryDelay.Backoff(_options, attempt);
                return new SendOutcome(null, $"HTTP {status} from the model server", delay, null);
            }

            throw status switch
            {
                401 or 403 => new ModelException(
                    $"The model endpoint refused the request: HTTP {status} {message}",
                    "Check the API key: pass --api-key-env NAME_OF_THE_VARIABLE holding it.", ExitCodes.Environment),
                404 => new ModelException(
                    $"The model endpoint answered HTTP 404 for {Endpoint.ChatCompletions}: {message}",
                    $"Check the endpoint URL (it usually ends in /v1) and the model name '{Endpoint.Model}'.", ExitCodes.Environment),
                _ => new ModelException($"The model endpoint refused the request: HTTP {status} {message}", "Check the model server's log and the model name."),
            };
        }
    }

    private static HashSet<string>? KnownTools(ChatOptions? options) =>
        options?.Tools is { Count: > 0 } tools ? tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) : null;

    private SendOutcome Retry(string reason, int attempt) => new(null, reason, RetryDelay.Backoff(_options, attempt), null);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to whoever made it (the front door).
    }
}
