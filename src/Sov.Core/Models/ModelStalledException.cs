namespace Sov.Core.Models;

/// <summary>
/// The stream made no progress (no new text, reasoning or tool-call bytes) for the idle timeout, whether the
/// server went silent or kept sending empty deltas or keep-alives (#13.4). Not re-asked: a stalled server
/// would stall again, and a headless run must end.
/// </summary>
public sealed class ModelStalledException(TimeSpan idle)
    : ModelException(
        $"The model server sent no new text for {Seconds.Text(idle)}; stopped waiting.",
        "Check the model server's log, or raise idle_timeout_seconds in config.toml (or SOV_IDLE_TIMEOUT_SECONDS).");
