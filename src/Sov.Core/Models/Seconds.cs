using System.Globalization;

namespace Sov.Core.Models;

/// <summary>A duration as the person configured it: "120 s", "0.5 s", never rounded to "0 s" (#13.8).</summary>
internal static class Seconds
{
    public static string Text(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");

    /// <summary>A timer length CancelAfter accepts (at most about 24 days).</summary>
    public static TimeSpan Timer(TimeSpan duration) =>
        duration > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
}
