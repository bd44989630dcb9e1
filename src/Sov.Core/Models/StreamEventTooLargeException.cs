using System.Globalization;

namespace Sov.Core.Models;

/// <summary>One line or event of the model's stream was longer than any answer should be; reading stopped (#13.8).</summary>
public sealed class StreamEventTooLargeException(int limitBytes)
    : ModelException(
        $"The model server sent one stream line over {Size(limitBytes)}; stopped reading it.",
        "Check the model server and any proxy in front of it: an OpenAI-compatible stream sends small events.")
{
    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
