namespace Sov.Core.Models;

/// <summary>Retry and timeout bounds of the model client. Defaults suit a local server; tests shorten them.</summary>
public sealed record ModelClientOptions
{
    /// <summary>Retries after the first attempt for 429, 5xx, resets and timeouts before any output.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff; doubles each retry, with full jitter, capped by <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, including a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for response headers (a local model's prefill can be slow).</summary>
    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The longest a stream may go without progress: new text, reasoning or tool-call bytes. Empty deltas,
    /// keep-alive comments and usage chunks do not count (#13.4). Setting: <c>idle_timeout_seconds</c>.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The longest one answer may take, from sending the request (retries included) to its last byte, however
    /// steadily it trickles in (#13.4). Setting: <c>answer_timeout_seconds</c>.
    /// </summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Text and reasoning longer than this in one answer are stopped as runaway (tool-call arguments count apart).</summary>
    public int MaxResponseChars { get; init; } = 1_000_000;

    /// <summary>
    /// The most tool-call names and arguments one answer may carry: its own bound, so a legitimate write of a
    /// file over a million characters is not taken for a runaway answer (#13.8).
    /// </summary>
    public int MaxToolArgumentChars { get; init; } = 16_000_000;

    /// <summary>The longest one stream line or event may be (<see cref="SseReader.DefaultMaxEventBytes"/>).</summary>
    public int MaxEventBytes { get; init; } = SseReader.DefaultMaxEventBytes;

    /// <summary>The context window configured (<c>context_window</c>), if any; the server's own figure wins when smaller (#16).</summary>
    public int? ContextWindow { get; init; }

    /// <summary>Whether to ask the server for its context window before the first request (<see cref="ContextProbe"/>).</summary>
    public bool ProbeContextWindow { get; init; } = true;

    /// <summary>How long the context-window probe may take in all.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The room an answer needs beside the first request; a smaller window is said at start (#16).</summary>
    public int AnswerRoomTokens { get; init; } = 1024;

    /// <summary>Source of jitter in [0, 1); tests pass a fixed one.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
