using System.Text.Json;

namespace Sov.TestKit.Model;

/// <summary>
/// One scripted answer to one chat-completions request: SSE events (text, reasoning, native tool calls
/// split across chunks, usage) or an HTTP error, optionally with a fault. Built fluently:
/// <c>ScriptedResponse.Text("hi")</c>, <c>new ScriptedResponse().ToolCall("c1", "read_file", "{\"path\":\"a\"}")</c>.
/// </summary>
public sealed class ScriptedResponse
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events => _events;

    public int Status { get; private set; } = 200;

    public string? RetryAfter { get; private set; }

    public string? ErrorBody { get; private set; }

    public ScriptedFault Fault { get; private set; }

    public TimeSpan FirstByteDelay { get; private set; }

    public string? FinishReason { get; private set; } = "stop";

    public static ScriptedResponse Text(string text, int pieces = 3) => new ScriptedResponse().AddText(text, pieces);

    /// <summary>The Content-Type of a 200 stream; null means text/event-stream.</summary>
    public string? ContentType { get; private set; }

    /// <summary>What ends each SSE line: "\n", or "\r\n" and "\r" as the format also allows.</summary>
    public string LineEnding { get; private set; } = "\n";

    /// <summary>How long the <see cref="ScriptedFault.HugeLine"/> line is (50 MB unless set).</summary>
    public long HugeLineBytes { get; private set; } = 50L * 1024 * 1024;

    /// <summary>Labels the stream with another Content-Type (a proxy calling SSE "application/json", #13.8).</summary>
    public ScriptedResponse LabelledAs(string contentType)
    {
        ContentType = contentType;
        return this;
    }

    public ScriptedResponse WithLineEnding(string ending)
    {
        LineEnding = ending;
        return this;
    }

    public ScriptedResponse WithHugeLine(long bytes)
    {
        HugeLineBytes = bytes;
        return WithFault(ScriptedFault.HugeLine);
    }

    /// <summary>One SSE data payload exactly as given (a malformed chunk, an error object, anything).</summary>
    public ScriptedResponse AddRaw(string data)
    {
        _events.Add(data);
        return this;
    }

    /// <summary>Chunks with <c>choices: []</c> (vLLM sends these; an answer of only these is empty, #13.5).</summary>
    public ScriptedResponse AddEmptyChoices(int count = 3)
    {
        for (var i = 0; i < count; i++)
        {
            _events.Add("""{"id":"chatcmpl-scripted","object":"chat.completion.chunk","choices":[]}""");
        }

        return this;
    }

    /// <summary>An error object mid-stream, as vLLM and llama.cpp send when generation fails.</summary>
    public ScriptedResponse AddErrorEvent(string message) =>
        AddRaw(JsonSerializer.Serialize(new { error = new { message, type = "server_error", code = 500 } }));

    /// <summary>The finish_reason of the closing chunk ("length": cut by the server's token limit; null: none sent).</summary>
    public ScriptedResponse WithFinishReason(string? reason)
    {
        FinishReason = reason;
        return this;
    }

    public static ScriptedResponse Error(int status, string message = "scripted failure", string? retryAfter = null) =>
        new() { Status = status, ErrorBody = JsonSerializer.Serialize(new { error = new { message, type = "scripted" } }), RetryAfter = retryAfter };

    /// <summary>A server that ignores "stream": true and answers with one JSON completion.</summary>
    public static ScriptedResponse NonStreaming(string? content, string? toolName = null, string? toolArguments = null)
    {
        object message = toolName is null
            ? new { role = "assistant", content }
            : new { role = "assistant", content, tool_calls = new[] { new { id = "call_ns", type = "function", function = new { name = toolName, arguments = toolArguments ?? "{}" } } } };
        return new ScriptedResponse
        {
            JsonBody = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-ns",
                @object = "chat.completion",
                choices = new[] { new { index = 0, message, finish_reason = toolName is null ? "stop" : "tool_calls" } },
                usage = new { prompt_tokens = 10, completion_tokens = 2, total_tokens = 12 },
            }),
        };
    }

    /// <summary>A recorded stream body played back byte for byte (a real server's wire format, #16).</summary>
    public static ScriptedResponse RecordedSse(string body) => new() { SseBody = body };

    /// <summary>When set, the whole answer is this text/event-stream body, verbatim.</summary>
    public string? SseBody { get; private set; }

    /// <summary>When set, the whole answer is this JSON body (application/json), not a stream.</summary>
    public string? JsonBody { get; private set; }

    /// <summary>Adds text split into about <paramref name="pieces"/> deltas.</summary>
    public ScriptedResponse AddText(string text, int pieces = 3)
    {
        foreach (var piece in Split(text, pieces))
        {
            _events.Add(Chunk(new { content = piece }));
        }

        return this;
    }

    public ScriptedResponse AddReasoning(string text, string field = "reasoning_content")
    {
        foreach (var piece in Split(text, 2))
        {
            _events.Add(JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new Dictionary<string, string> { [field] = piece } } } }));
        }

        return this;
    }

    /// <summary>A native tool call whose arguments arrive in <paramref name="pieces"/> chunks (the name only in the first).</summary>
    public ScriptedResponse ToolCall(string id, string name, string arguments, int pieces = 3, int index = 0)
    {
        var parts = Split(arguments, pieces).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            object call = i == 0
                ? new { index, id, type = "function", function = new { name, arguments = parts[i] } }
                : new { index, function = new { arguments = parts[i] } };
            _events.Add(Chunk(new { tool_calls = new[] { call } }));
        }

        FinishReason = "tool_calls";
        return this;
    }

    public ScriptedResponse Usage(int prompt, int completion)
    {
        _events.Add(JsonSerializer.Serialize(new { choices = Array.Empty<object>(), usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion } }));
        return this;
    }

    /// <summary>
    /// Misbehave after the events. With <paramref name="gate"/>, the server first waits for it, so a test can
    /// make sure the client has read the events before the fault (Kestrel drops unsent output on abort).
    /// </summary>
    public ScriptedResponse WithFault(ScriptedFault fault, Task? gate = null)
    {
        Fault = fault;
        FaultGate = gate;
        return this;
    }

    public Task? FaultGate { get; private set; }

    /// <summary>Where the stream pauses: before the event at each index the server waits for the task.</summary>
    public IReadOnlyDictionary<int, Task> Holds => _holds;

    private readonly Dictionary<int, Task> _holds = [];

    /// <summary>
    /// The stream pauses here, after the events added so far, until <paramref name="gate"/> completes: a model
    /// that stops mid-answer (to let a fake prompt sink in, say) for exactly as long as the test needs. Events
    /// added while it holds are played after it, so a test can decide them from the request it saw.
    /// </summary>
    public ScriptedResponse HoldUntil(Task gate)
    {
        _holds[_events.Count] = gate;
        return this;
    }

    public ScriptedResponse WithFirstByteDelay(TimeSpan delay)
    {
        FirstByteDelay = delay;
        return this;
    }

    /// <summary>The closing chunk carrying finish_reason.</summary>
    internal string FinishEvent() =>
        JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new { }, finish_reason = FinishReason } } });

    private static string Chunk(object delta) =>
        JsonSerializer.Serialize(new { id = "chatcmpl-scripted", @object = "chat.completion.chunk", model = "scripted-model", choices = new[] { new { index = 0, delta } } });

    private static IEnumerable<string> Split(string text, int pieces)
    {
        if (text.Length == 0 || pieces <= 1)
        {
            yield return text;
            yield break;
        }

        var size = (int)Math.Ceiling(text.Length / (double)pieces);
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
