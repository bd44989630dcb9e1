using System.Net.Http.Headers;

namespace Sov.Core.Models;

/// <summary>Backoff with full jitter, and the server's Retry-After when it gives one, both capped.</summary>
public static class RetryDelay
{
    public static TimeSpan Backoff(ModelClientOptions options, int attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ceiling = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        ceiling = Math.Min(ceiling, options.MaxDelay.TotalMilliseconds);
        // Full jitter, with a floor of half the ceiling so retries are never instant hammering.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (ceiling / 2 * options.Jitter()));
    }

    public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan max)
    {
        if (header is null)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - now : null);
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }
}
