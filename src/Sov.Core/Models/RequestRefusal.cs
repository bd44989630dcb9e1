namespace Sov.Core.Models;

/// <summary>
/// A server's refusal of what a request carries, not of its timing: retrying it unchanged can only fail again
/// (#16: llama-server answered every request after a broken tool call with HTTP 500 "Failed to parse tool call
/// arguments as JSON", and sov sent the same body three more times). Such a request is reshaped once
/// (<see cref="Reshape"/>); when that changes nothing or does not help, <see cref="Failure"/> says what to do.
/// </summary>
internal sealed class RequestRefusal
{
    private static readonly string[] CallWords = ["tool call", "tool_call", "toolcall", "function call", "arguments"];

    private static readonly string[] ParseWords =
    [
        "parse", "json", "invalid", "expecting value", "expecting ','", "unterminated string", "syntax error",
    ];

    private static readonly string[] GrammarWords = ["grammar", "json schema", "json_schema", "xgrammar", "outlines", "gbnf"];

    private readonly bool _grammar;

    private RequestRefusal(bool grammar, string notice, ModelException failure)
    {
        _grammar = grammar;
        Notice = notice;
        Failure = failure;
    }

    /// <summary>What the person is told before the reshaped request goes.</summary>
    public string Notice { get; }

    /// <summary>The end of the turn when reshaping is not possible or did not help.</summary>
    public ModelException Failure { get; }

    /// <summary>The shape to try instead, or null when <paramref name="current"/> already is it.</summary>
    public ChatRequestShape? Reshape(ChatRequestShape current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return _grammar
            ? current.PlainSchemas ? null : current with { PlainSchemas = true }
            : current.StrictHistory ? null : current with { StrictHistory = true };
    }

    /// <summary>
    /// A server that does not take tools at all, in its words: Ollama "does not support tools", llama.cpp without
    /// <c>--jinja</c> ("tools param requires --jinja flag"), vLLM without a tool parser ("auto" tool choice requires
    /// --enable-auto-tool-choice). Exit 3 with what to start the server with; null for anything else.
    /// </summary>
    public static ModelException? ToolsRefused(int status, string message, ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (status < 400)
        {
            return null;
        }

        var remedy = message switch
        {
            _ when message.Contains("--jinja", StringComparison.OrdinalIgnoreCase) =>
                "Start llama-server with --jinja (it renders the model's chat template with tools).",
            _ when message.Contains("enable-auto-tool-choice", StringComparison.OrdinalIgnoreCase) =>
                "Start vLLM with --enable-auto-tool-choice --tool-call-parser (qwen3_coder for Qwen3-Coder, hermes for Qwen2.5).",
            _ when message.Contains("does not support tools", StringComparison.OrdinalIgnoreCase) =>
                "Choose a model that supports tools (for example a Qwen3-Coder or Qwen2.5-Coder build).",
            _ => null,
        };
        return remedy is null
            ? null
            : new ModelException($"The model server does not take tool calls for '{endpoint.Model}': HTTP {status} {message}", remedy, ExitCodes.Environment);
    }

    /// <summary>The refusal a status and message describe, or null for a failure that is not about the request's content.</summary>
    public static RequestRefusal? From(int status, string message, ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (status is < 400 or 401 or 403 or 404 or 408 or 429)
        {
            return null;
        }

        var m = message.ToLowerInvariant();
        if (GrammarWords.Any(w => m.Contains(w, StringComparison.Ordinal)))
        {
            return new RequestRefusal(
                grammar: true,
                $"The model server could not constrain its output to the tool schemas (HTTP {status} {message}); sending them plain",
                new ModelException(
                    $"The model server refused the tool schemas even plain: HTTP {status} {message}",
                    "Check the model server's log; turn off the MCP server whose tools it cannot take, or update the server."));
        }

        var historyWords = CallWords.Any(w => m.Contains(w, StringComparison.Ordinal)) && ParseWords.Any(w => m.Contains(w, StringComparison.Ordinal));
        var jsonDecoder = m.Contains("parse_error", StringComparison.Ordinal) || m.Contains("jsondecodeerror", StringComparison.Ordinal);
        if (historyWords || jsonDecoder)
        {
            return new RequestRefusal(
                grammar: false,
                $"The model server refused the conversation's earlier tool calls (HTTP {status} {message}); sending them rewritten as plain JSON",
                new ModelException(
                    $"The model server at {endpoint.BaseUrl} refuses this conversation's history: HTTP {status} {message}",
                    "Start a new session (the history cannot be sent to this server as it is), and report the server's message."));
        }

        return null;
    }
}
