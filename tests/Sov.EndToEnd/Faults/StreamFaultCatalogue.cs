using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// The fault suite of issue #13: every way of misbehaving the scripted server knows, the new ones (items 4, 5
/// and 8) and those handled before (retries, Retry-After, 429/503, context-length refusals, resets, malformed
/// chunks, 500 tool calls, slow headers).
/// </summary>
internal static class StreamFaultCatalogue
{
    private static readonly Dictionary<string, string> Idle1 = new() { ["SOV_IDLE_TIMEOUT_SECONDS"] = "1" };

    public static IReadOnlyList<StreamFaultCase> All { get; } =
    [
        // #13.4: streams that never end
        new("empty_deltas_forever", s => s.Fallback = ScriptedResponse.Text("a").WithFault(ScriptedFault.EmptyDeltasForever), 1, "no new text for 1 s")
            { Environment = Idle1, Requests = 1 },
        new("keep_alive_comments_forever", s => s.Fallback = ScriptedResponse.Text("a").WithFault(ScriptedFault.KeepAliveForever), 1, "idle_timeout_seconds")
            { Environment = Idle1, Requests = 1 },
        new("silent_after_headers", s => s.Fallback = new ScriptedResponse().WithFault(ScriptedFault.SilentForever), 1, "no new text for 1 s")
            { Environment = Idle1 },
        new("trickle_forever", s => s.Fallback = ScriptedResponse.Text("a").WithFault(ScriptedFault.TrickleForever), 1, "answer_timeout_seconds")
            { Environment = new Dictionary<string, string> { ["SOV_ANSWER_TIMEOUT_SECONDS"] = "2", ["SOV_IDLE_TIMEOUT_SECONDS"] = "30" }, Requests = 1 },
        new("headers_past_the_answer_deadline", s => s.Fallback = ScriptedResponse.Text("late").WithFirstByteDelay(TimeSpan.FromMinutes(5)), 1, "longer than 1.5 s")
            { Environment = new Dictionary<string, string> { ["SOV_ANSWER_TIMEOUT_SECONDS"] = "1.5" } },
        new("error_body_stalls_halfway", s => s.Fallback = ScriptedResponse.Error(400, "bad request, and then nothing").WithFault(ScriptedFault.SilentForever), 1, "HTTP 400")
            { Environment = Idle1, Requests = 1 },
        new("endless_16k_chunks", s => s.Fallback = ScriptedResponse.Text("a").WithFault(ScriptedFault.EndlessStream), 1, "kept streaming"),

        // #13.5: empty and truncated answers
        new("empty_choices_then_done", s => s.Enqueue(new ScriptedResponse().AddEmptyChoices(3).WithFinishReason(null)), 1, "answer was empty"),
        new("no_content_no_calls", s => s.Enqueue(new ScriptedResponse()), 1, "answer was empty"),
        new("reasoning_only", s => s.Enqueue(new ScriptedResponse().AddReasoning("let me think")), 1, "reasoned but gave no text"),
        new("finish_reason_length", s => s.Enqueue(ScriptedResponse.Text("The first half").WithFinishReason("length")), 1, "token limit")
            { Stdout = "The first half" },
        new("error_event_mid_stream", s => s.Enqueue(ScriptedResponse.Text("Kept so far", 2).AddErrorEvent("engine crashed")), 1, "engine crashed")
            { Stdout = "Kept so far" },

        // #13.8: the smaller ones
        new("fifty_megabyte_line", s => s.Enqueue(ScriptedResponse.Text("a").WithHugeLine(50L * 1024 * 1024)), 1, "stream line over 16 MiB"),
        new("sse_labelled_application_json", s => s.Enqueue(ScriptedResponse.Text("streamed anyway").LabelledAs("application/json")), 0, "")
            { Stdout = "streamed anyway" },
        new("crlf_line_endings", s => s.Enqueue(ScriptedResponse.Text("crlf is fine").WithLineEnding("\r\n")), 0, "")
            { Stdout = "crlf is fine" },
        new("ollama_500_context_length", s => s.Fallback = ScriptedResponse.Error(500, "the input length exceeds the context length"), 1, "context window")
            { Requests = 1 },
        new("llamacpp_400_context_size", s => s.Fallback = ScriptedResponse.Error(400, "the request exceeds the available context size, try increasing it"), 1, "context window")
            { Requests = 1 },
        new("vllm_400_max_model_length", s => s.Fallback = ScriptedResponse.Error(400, "The decoder prompt (length 9000) is longer than the maximum model length of 8192."), 1, "context window")
            { Requests = 1 },
        new("reset_before_headers_always", s => s.Fallback = new ScriptedResponse().WithFault(ScriptedFault.ResetBeforeHeaders), 1, "kept failing")
            { Requests = 4 },
        new("duplicate_tool_call_ids", s => s.Enqueue(
                new ScriptedResponse().ToolCall("c1", "list_dir", """{"path":"."}""", 1, 0).ToolCall("c1", "list_dir", """{"path":"."}""", 1, 1),
                ScriptedResponse.Text("listed twice")), 0, "same id 'c1'")
            { Stdout = "listed twice" },
        new("write_of_1_2m_characters", s => s.Enqueue(
                new ScriptedResponse().ToolCall("w1", "write_file", JsonSerializer.Serialize(new { path = "big.txt", content = new string('x', 1_200_000) }), 400),
                ScriptedResponse.Text("wrote it")), 0, "")
            { Arguments = ["--mode", "auto-edit"], Stdout = "wrote it", Written = ("big.txt", 1_200_000) },

        // handled before #13, kept handled
        new("429_with_retry_after", s => s.Enqueue(ScriptedResponse.Error(429, "busy", retryAfter: "1"), ScriptedResponse.Text("after the wait")), 0, "HTTP 429")
            { Stdout = "after the wait", Requests = 2 },
        new("503_then_fine", s => s.Enqueue(ScriptedResponse.Error(503, "loading"), ScriptedResponse.Text("loaded")), 0, "HTTP 503")
            { Stdout = "loaded", Requests = 2 },
        new("500_always", s => s.Fallback = ScriptedResponse.Error(500, "the engine died"), 1, "the engine died")
            { Requests = 4 },
        new("reset_mid_stream_once", s => s.Enqueue(ScriptedResponse.Text("part").WithFault(ScriptedFault.ResetMidStream), ScriptedResponse.Text("whole")), 0, "")
            { Stdout = "whole" },
        new("truncated_sse_always", s => s.Fallback = ScriptedResponse.Text("part").WithFault(ScriptedFault.TruncatedSse), 1, "cut off")
            { Requests = 3 },
        new("malformed_chunk_once", s => s.Enqueue(ScriptedResponse.Text("x").AddRaw("{\"choices\":[{"), ScriptedResponse.Text("clean")), 0, "malformed")
            { Stdout = "clean" },
        new("five_hundred_tool_calls", s => s.Enqueue(ManyCalls(500), ScriptedResponse.Text("all read")), 0, "")
            { Stdout = "all read", Requests = 2 },
        new("slow_headers_within_timeout", s => s.Enqueue(ScriptedResponse.Text("slow but fine").WithFirstByteDelay(TimeSpan.FromSeconds(1))), 0, "")
            { Stdout = "slow but fine" },
        new("context_length_400_classic", s => s.Fallback = ScriptedResponse.Error(400, "This model's maximum context length is 4096 tokens."), 1, "context window")
            { Requests = 1 },
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static StreamFaultCase Find(string name) => All.Single(c => c.Name == name);

    private static ScriptedResponse ManyCalls(int count)
    {
        var response = new ScriptedResponse();
        for (var i = 0; i < count; i++)
        {
            response.ToolCall($"call_{i}", "list_dir", """{"path":"."}""", pieces: 1, index: i);
        }

        return response;
    }
}
