namespace Sov.Core.Models;

/// <summary>
/// What a model server said about its context window (#16): which server it is (<c>llama.cpp</c>, <c>vLLM</c>,
/// <c>SGLang</c>, <c>Ollama</c>, <c>LM Studio</c>, or null when it did not say), the tokens one request may
/// hold there, and where that figure came from (for messages).
/// </summary>
public sealed record ServerWindow(string? Server, int? Tokens, string? From)
{
    public static ServerWindow Unknown { get; } = new(null, null, null);

    /// <summary>Ollama only: the model's own trained window (<c>/api/show</c>), beside the runtime one in <see cref="Tokens"/>.</summary>
    public int? OllamaModelTokens { get; init; }

    /// <summary>
    /// Ollama's default runtime window when neither the Modelfile's <c>num_ctx</c> nor the request sets one: it
    /// silently cuts a longer prompt (OpenCode #1034). Servers set OLLAMA_CONTEXT_LENGTH to change it.
    /// </summary>
    public const int OllamaDefault = 4096;
}
