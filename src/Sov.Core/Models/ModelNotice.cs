using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>Something the person should hear about the server before the answer (a small context window, a num_ctx Ollama may ignore), streamed as a warning (#16).</summary>
public sealed class ModelNotice(string message) : AIContent
{
    public string Message { get; } = message;
}
