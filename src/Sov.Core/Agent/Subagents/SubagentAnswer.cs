using System.Globalization;
using System.Text;

namespace Sov.Core.Agent.Subagents;

/// <summary>A child's final answer cut to the size bound, on a character boundary, saying that it was cut.</summary>
public static class SubagentAnswer
{
    public static (string Text, bool Truncated) Bound(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = Encoding.UTF8.GetByteCount(text);
        if (total <= maxBytes)
        {
            return (text, false);
        }

        var used = 0;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsSurrogatePair(text, end) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (used + bytes > maxBytes)
            {
                break;
            }

            used += bytes;
            end += width;
        }

        return (text[..end] + string.Create(CultureInfo.InvariantCulture,
            $"\n[cut: the subagent's answer was {total:N0} bytes; only the first {used:N0} are here]"), true);
    }
}
