namespace Sov.Core.Models;

/// <summary>One answer took longer than the whole-answer deadline, however steadily it trickled in (#13.4).</summary>
public sealed class AnswerTimeoutException(TimeSpan limit)
    : ModelException(
        $"The model's answer took longer than {Seconds.Text(limit)}; stopped it.",
        "Raise answer_timeout_seconds in config.toml (or SOV_ANSWER_TIMEOUT_SECONDS), or ask for a smaller step.");
