using System.Globalization;

namespace Sov.Core.Models;

/// <summary>
/// What the client does with a learnt context window (#16): which window holds, whether Ollama is asked for a
/// larger <c>num_ctx</c>, what to say at start, and which request to refuse before it is sent (never cut silently).
/// </summary>
internal readonly record struct WindowPlan(int? Tokens, int? OllamaNumCtx, string? Notice)
{
    /// <summary>Request bytes per token when judging a request too long: few, so only a request that surely cannot fit is refused.</summary>
    private const int RefuseBytesPerToken = 4;

    /// <summary>Request bytes per token when warning of a small window (about what llama.cpp counts for our first request).</summary>
    private const double EstimateBytesPerToken = 3.5;

    public static WindowPlan For(ServerWindow window, int? configured, string model)
    {
        ArgumentNullException.ThrowIfNull(window);
        var inv = CultureInfo.InvariantCulture;
        if (window.Server == "Ollama")
        {
            var runtime = window.Tokens ?? ServerWindow.OllamaDefault;
            if (configured is { } wanted && wanted > runtime)
            {
                return new WindowPlan(wanted, wanted, string.Format(inv,
                    "Ollama runs '{0}' with a {1:N0}-token window ({2}); sov asks for num_ctx {3:N0} (context_window), but Ollama's OpenAI endpoint may ignore it and cut longer prompts: set OLLAMA_CONTEXT_LENGTH={3} on the server or PARAMETER num_ctx {3} in the model's Modelfile.",
                    model, runtime, window.From, wanted));
            }

            var notice = configured is null && window.OllamaModelTokens is { } trained && trained > runtime
                ? string.Format(inv,
                    "Ollama runs '{0}' with a {1:N0}-token window ({2}) though the model takes {3:N0}: longer conversations would be cut, so sov refuses them. Set OLLAMA_CONTEXT_LENGTH on the server (or PARAMETER num_ctx), and context_window in config.toml.",
                    model, runtime, window.From, trained)
                : null;
            return new WindowPlan(configured ?? runtime, null, notice);
        }

        if (window.Tokens is { } server)
        {
            var notice = configured is { } c && c > server
                ? string.Format(inv, "context_window is {0:N0} tokens but the {1} server holds {2:N0} ({3}); using {2:N0}.", c, window.Server ?? "model", server, window.From)
                : null;
            return new WindowPlan(Math.Min(server, configured ?? server), null, notice);
        }

        return new WindowPlan(configured, null, null);
    }

    /// <summary>
    /// Refuses a request that cannot fit <paramref name="tokens"/> (<see cref="ContextLengthException"/>, before
    /// sending); with <paramref name="answerRoom"/> (the first request), returns a warning when the window leaves
    /// the answer less than that room.
    /// </summary>
    public static string? Check(int bodyBytes, int? tokens, ServerWindow? window, int? answerRoom)
    {
        if (tokens is not { } limit)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var where = window?.Tokens is null ? "context_window in config.toml" : $"{window.Server ?? "the server"}, {window.From}";
        var least = bodyBytes / RefuseBytesPerToken;
        if (least > limit)
        {
            throw new ContextLengthException(string.Format(inv,
                "this request is at least {0:N0} tokens and the window is {1:N0} ({2}); it was not sent", least, limit, where));
        }

        var estimate = (int)(bodyBytes / EstimateBytesPerToken);
        return answerRoom is { } room && estimate + room > limit
            ? string.Format(inv,
                "The model's context window is {0:N0} tokens ({1}): the first request alone is about {2:N0}, leaving less than {3:N0} for an answer. Serve the model with a larger context (llama-server -c, vLLM --max-model-len, Ollama num_ctx).",
                limit, where, estimate, room)
            : null;
    }
}
