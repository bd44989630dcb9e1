using System.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// Utf8JsonWriter's default encoder escapes everything outside printable ASCII (good: hidden characters
/// never reach a terminal raw) and also HTML-sensitive ASCII such as <c>+</c> (so <c>"U+202E"</c> would read
/// <c>"U\u002B202E"</c>). This turns those few back into plain ASCII; the JSON value is unchanged.
/// </summary>
internal static class JsonAscii
{
    public static string Readable(ReadOnlySpan<byte> json)
    {
        var text = Encoding.UTF8.GetString(json);
        if (!text.Contains("\\u00", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == 'u' && i + 5 < text.Length && TryReadable(text.AsSpan(i + 2, 4), out var plain))
                {
                    output.Append(plain);
                    i += 5;
                    continue;
                }

                output.Append(c).Append(text[i + 1]); // keep any other escape (including \\) whole
                i++;
                continue;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static bool TryReadable(ReadOnlySpan<char> hex, out string plain)
    {
        plain = hex switch
        {
            "002B" => "+",
            "0026" => "&",
            "0027" => "'",
            "003C" => "<",
            "003E" => ">",
            "0060" => "`",
            "0022" => "\\\"",
            _ => string.Empty,
        };
        return plain.Length > 0;
    }
}
