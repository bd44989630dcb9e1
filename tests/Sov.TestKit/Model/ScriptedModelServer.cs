using System.Text.Json;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.Model;

/// <summary>
/// A scripted OpenAI-compatible model server: real Kestrel on 127.0.0.1 with an ephemeral port, real
/// SSE. Each chat-completions request takes the next <see cref="ScriptedResponse"/> from the queue
/// (or <see cref="Fallback"/> when it is empty) and every request is recorded exactly as it arrived.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;
    private readonly Lock _waitersLock = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    private ScriptedModelServer(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri Origin { get; }

    /// <summary>http://127.0.0.1:PORT/v1, what --endpoint takes.</summary>
    public Uri BaseUrl => new(Origin, "/v1");

    /// <summary>The answer when the script is used up.</summary>
    public ScriptedResponse Fallback { get; set; } = ScriptedResponse.Text("Hello! How can I help?", 1);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Chat-completions requests only, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => [.. _requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    /// <summary>Completes once at least <paramref name="count"/> chat-completions requests have arrived.</summary>
    public Task WhenChatRequests(int count)
    {
        lock (_waitersLock)
        {
            if (ChatRequests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>
    /// Like llama-server (#16): a request whose history holds a tool call with arguments that are not JSON is
    /// answered HTTP 500 "Failed to parse tool call arguments as JSON", without taking a scripted answer.
    /// </summary>
    public bool StrictToolArguments { get; set; }

    /// <summary>
    /// Answers a chat-completions request from its body before the queue is asked (null: the queue decides). For requests
    /// whose order is not fixed, such as subagents running in parallel (#17).
    /// </summary>
    public Func<string, ScriptedResponse?>? Responder { get; set; }

    /// <summary>The model ids GET /v1/models lists.</summary>
    public IReadOnlyList<string> ServedModels { get; set; } = ["scripted-model"];

    private readonly ConcurrentDictionary<string, string> _routes = new(StringComparer.Ordinal);

    /// <summary>
    /// Answers <paramref name="method"/> <paramref name="path"/> with this JSON (200), instead of the default: a
    /// llama.cpp <c>/props</c>, an Ollama <c>/api/show</c>, an LM Studio <c>/api/v0/models</c>, a <c>/v1/models</c>
    /// carrying <c>max_model_len</c> (#16). Without a route, unknown paths are 404.
    /// </summary>
    public ScriptedModelServer Route(string method, string path, string json)
    {
        _routes[method.ToUpperInvariant() + " " + path] = json;
        return this;
    }

    public ScriptedModelServer Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public static async Task<ScriptedModelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        ScriptedModelServer? server = null;
        var (app, origin) = await LoopbackHost.StartAsync(context => server!.HandleAsync(context), cancellationToken).ConfigureAwait(false);
        server = new ScriptedModelServer(app, origin);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            body,
            Encoding.UTF8.GetByteCount(body),
            context.Request.Headers.Authorization.FirstOrDefault()));

        var path = context.Request.Path.Value ?? "";
        if (_routes.TryGetValue(context.Request.Method.ToUpperInvariant() + " " + path, out var routed))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(routed, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && path.EndsWith("/models", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            var data = string.Join(",", ServedModels.Select(m => $$"""{"id":{{JsonSerializer.Serialize(m)}},"object":"model"}"""));
            await context.Response.WriteAsync($$"""{"object":"list","data":[{{data}}]}""", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method) || !path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (StrictToolArguments && LlamaCppStrictness.Refusal(body) is { } refusal)
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(refusal, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        lock (_waitersLock)
        {
            var arrived = ChatRequests.Count;
            foreach (var waiter in _waiters.Where(w => w.Count <= arrived).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        var response = Responder?.Invoke(body) ?? (_script.TryDequeue(out var next) ? next : Fallback);
        await PlayAsync(context, response).ConfigureAwait(false);
    }

    private static async Task PlayAsync(HttpContext context, ScriptedResponse response)
    {
        var ct = context.RequestAborted;
        if (response.FirstByteDelay > TimeSpan.Zero)
        {
            try
            {
                // The fault being simulated is the delay itself (a slow prefill), not synchronisation.
                await Task.Delay(response.FirstByteDelay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.Fault == ScriptedFault.ResetBeforeHeaders)
        {
            context.Abort();
            return;
        }

        if (response.Status != 200)
        {
            context.Response.StatusCode = response.Status;
            if (response.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = response.RetryAfter;
            }

            context.Response.ContentType = "application/json";
            var errorBody = response.ErrorBody ?? "{}";
            if (response.Fault == ScriptedFault.SilentForever)
            {
                // an error whose body stalls halfway
                await context.Response.WriteAsync(errorBody[..(errorBody.Length / 2)], ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                await Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                return;
            }

            await context.Response.WriteAsync(errorBody, ct).ConfigureAwait(false);
            return;
        }

        if (response.SseBody is not null)
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(response.SseBody, ct).ConfigureAwait(false);
            return;
        }

        if (response.JsonBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.JsonBody, ct).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = response.ContentType ?? "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var sse = new SseWriter(context, response.LineEnding);
        try
        {
            for (var i = 0; ; i++)
            {
                if (response.Holds.TryGetValue(i, out var hold))
                {
                    await hold.WaitAsync(ct).ConfigureAwait(false); // events may be added while it holds
                }

                if (i >= response.Events.Count)
                {
                    break;
                }

                await sse.EventAsync(response.Events[i], ct).ConfigureAwait(false);
            }

            if (response.FaultGate is { } gate)
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
            }

            if (await StreamFaults.PlayAsync(context, sse, response, ct).ConfigureAwait(false))
            {
                return;
            }

            if (response.FinishReason is not null)
            {
                await sse.EventAsync(response.FinishEvent(), ct).ConfigureAwait(false);
            }

            await sse.EventAsync("[DONE]", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away (the endless stream ends this way).
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
