namespace Sov.Core.Models;

/// <summary>
/// The stream broke after output had started (connection reset, truncated SSE). The client does not
/// retry this itself, because part of the answer was already delivered; the agent loop may re-ask.
/// </summary>
public sealed class ModelStreamInterruptedException(string detail)
    : ModelException($"The model's answer was cut off: {detail}.", "Check the model server's log; run the task again.");
