using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sov.Core.Watch;

/// <summary>
/// Undoes JSON's <c>\uXXXX</c> escapes in bytes a command sent, so a watermark written as <c>\u200b</c>
/// in a request body meets the text border as the character it is.
/// </summary>
public static partial class JsonEscapes
{
    public static byte[] Unescape(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = Encoding.UTF8.GetString(payload);
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return payload;
        }

        var unescaped = Escape().Replace(text, m =>
        {
            var high = (char)int.Parse(m.Groups["a"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (!m.Groups["b"].Success)
            {
                return char.IsSurrogate(high) ? "\uFFFD" : high.ToString();
            }

            var low = (char)int.Parse(m.Groups["b"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return char.IsSurrogatePair(high, low) ? new string([high, low]) : "\uFFFD\uFFFD";
        });
        return Encoding.UTF8.GetBytes(unescaped);
    }

    [GeneratedRegex(@"\\u(?<a>[0-9a-fA-F]{4})(?:\\u(?<b>[dD][c-fC-F][0-9a-fA-F]{2}))?")]
    private static partial Regex Escape();
}
