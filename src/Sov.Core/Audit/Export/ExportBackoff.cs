namespace Sov.Core.Audit.Export;

/// <summary>
/// The wait before attempt <c>n+1</c> of a failed batch: <see cref="ExportSettings.BackoffInitial"/> doubled per
/// failure up to <see cref="ExportSettings.BackoffMax"/>, then jittered to between half and all of it (so exporters that
/// failed together do not retry together); a collector's <c>Retry-After</c> wins, up to <see cref="ExportSettings.RetryAfterMax"/>.
/// </summary>
public static class ExportBackoff
{
    /// <param name="failures">Failures of this batch so far (1 after the first).</param>
    /// <param name="unit">A number in [0, 1) from the caller's random source.</param>
    public static TimeSpan Delay(ExportSettings settings, int failures, TimeSpan? retryAfter, double unit)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < settings.RetryAfterMax ? asked : settings.RetryAfterMax;
        }

        var max = settings.BackoffMax.Ticks;
        var ticks = settings.BackoffInitial.Ticks;
        for (var i = 1; i < failures && ticks < max; i++)
        {
            ticks *= 2;
        }

        ticks = Math.Min(ticks, max);
        return TimeSpan.FromTicks((long)(ticks * (0.5 + (0.5 * Math.Clamp(unit, 0, 1)))));
    }
}
