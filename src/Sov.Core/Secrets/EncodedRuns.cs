using System.Text;
using System.Text.RegularExpressions;

namespace Sov.Core.Secrets;

/// <summary>
/// The text inside encoded runs of a tool output: base64 in either alphabet, padded or not, wrapped or not;
/// hex; percent-encoding. Only runs that decode to readable UTF-8 text count; binary data is left alone.
/// </summary>
internal static partial class EncodedRuns
{
    private const int MaxRun = 1 << 20;

    public static IEnumerable<string> Decode(string text)
    {
        foreach (Match m in Base64Run().Matches(text))
        {
            foreach (var run in Candidates(m))
            {
                if (FromBase64(run) is { } decoded)
                {
                    yield return decoded;
                }
            }
        }

        foreach (Match m in HexRun().Matches(text))
        {
            foreach (var run in Candidates(m))
            {
                var hex = run.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                if (hex.Length % 2 == 0 && Readable(Convert.FromHexString(hex)) is { } decoded)
                {
                    yield return decoded;
                }
            }
        }

        if (text.Contains('%', StringComparison.Ordinal) && PercentByte().IsMatch(text))
        {
            var decoded = Uri.UnescapeDataString(text);
            if (!string.Equals(decoded, text, StringComparison.Ordinal))
            {
                yield return decoded;
            }
        }
    }

    /// <summary>
    /// A run as matched and, when it spans lines, also without its first line (which may be the tail of
    /// ordinary text that happens to use only base64 letters) and each line alone.
    /// </summary>
    private static IEnumerable<string> Candidates(Match m)
    {
        if (m.Length > MaxRun)
        {
            yield break;
        }

        yield return m.Value;
        var lines = m.Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length > 1)
        {
            yield return string.Concat(lines.Skip(1));
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static string? FromBase64(string run)
    {
        var builder = new StringBuilder(run.Length + 3);
        foreach (var c in run)
        {
            if (c is not ('\n' or '\r' or '='))
            {
                builder.Append(c switch { '-' => '+', '_' => '/', _ => c });
            }
        }

        if (builder.Length % 4 == 1)
        {
            builder.Length--;
        }

        builder.Append('=', (4 - builder.Length % 4) % 4);
        var buffer = new byte[builder.Length / 4 * 3];
        return Convert.TryFromBase64String(builder.ToString(), buffer, out var written) ? Readable(buffer.AsSpan(0, written)) : null;
    }

    /// <summary>The bytes as text when they are valid UTF-8 and nearly all printable (or line breaks and tabs).</summary>
    private static string? Readable(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 6)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var unreadable = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        return unreadable * 20 <= text.Length ? text : null;
    }

    // At least 16 characters of either alphabet, lines of a wrapped dump joined.
    [GeneratedRegex(@"(?:[A-Za-z0-9+/\-_]|\r?\n(?=[A-Za-z0-9+/\-_])){16,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}|\r?\n(?=[0-9A-Fa-f])){8,}(?![0-9A-Fa-f])")]
    private static partial Regex HexRun();

    [GeneratedRegex(@"%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentByte();
}
