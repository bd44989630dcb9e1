namespace Sov.Core.Models;

/// <summary>The server refused the request because the conversation exceeds the model's context window.</summary>
public sealed class ContextLengthException(string serverMessage)
    : ModelException(
        $"The conversation is longer than the model's context window: {serverMessage}",
        "Start a new task with a narrower request, or serve the model with a larger context (e.g. vLLM --max-model-len).");
