namespace Sov.Core.Models;

/// <summary>Nothing answers at the endpoint: an environment problem, exit 3, with how to start a server.</summary>
public sealed class ModelUnreachableException(Uri endpoint, string detail)
    : ModelException(
        $"Cannot reach the model endpoint {endpoint} ({detail}).",
        "Start a server, e.g. 'ollama serve', 'vllm serve MODEL --port 8000' or 'llama-server -m MODEL.gguf --port 8080', or pass --endpoint URL.",
        ExitCodes.Environment)
{
    public Uri Endpoint { get; } = endpoint;
}
