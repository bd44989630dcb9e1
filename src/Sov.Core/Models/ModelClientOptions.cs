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

    /// <summary>The longest silence allowed between two streamed events.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A response longer than this (text, reasoning and arguments together) is stopped as runaway.</summary>
    public int MaxResponseChars { get; init; } = 1_000_000;

    /// <summary>Source of jitter in [0, 1); tests pass a fixed one.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
