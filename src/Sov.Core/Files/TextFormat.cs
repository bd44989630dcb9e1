using System.Text;

namespace Sov.Core.Files;

/// <summary>
/// How a text file is stored: its encoding, whether it starts with a byte-order mark, and its line
/// ending. Decoding then encoding with the same format gives back the same bytes, so an edit changes only
/// what it meant to change.
/// </summary>
public sealed record TextFormat(TextEncodingKind Encoding, bool Bom, string LineEnding)
{
    /// <summary>What new files get: UTF-8 without a BOM, line endings as the model wrote them.</summary>
    public static TextFormat NewFile { get; } = new(TextEncodingKind.Utf8, false, "\n");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a file; null when it is not text this border can edit safely (binary or not valid in its encoding).</summary>
    public static (string Text, TextFormat Format)? Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            string text;
            TextEncodingKind kind;
            var bom = false;
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                (text, kind, bom) = (StrictUtf8.GetString(bytes[3..]), TextEncodingKind.Utf8, true);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                (text, kind, bom) = (new UnicodeEncoding(false, false, true).GetString(bytes[2..]), TextEncodingKind.Utf16LittleEndian, true);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                (text, kind, bom) = (new UnicodeEncoding(true, false, true).GetString(bytes[2..]), TextEncodingKind.Utf16BigEndian, true);
            }
            else
            {
                if (bytes.Contains((byte)0))
                {
                    return null;
                }

                (text, kind) = (StrictUtf8.GetString(bytes), TextEncodingKind.Utf8);
            }

            return (text, new TextFormat(kind, bom, DominantLineEnding(text)));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Encodes text in this format; with <paramref name="convertLineEndings"/>, LF and CRLF become this format's ending.</summary>
    public byte[] Encode(string text, bool convertLineEndings)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (convertLineEndings)
        {
            text = WithLineEnding(text, LineEnding);
        }

        Encoding encoding = Encoding switch
        {
            TextEncodingKind.Utf16LittleEndian => new UnicodeEncoding(false, Bom),
            TextEncodingKind.Utf16BigEndian => new UnicodeEncoding(true, Bom),
            _ => new UTF8Encoding(Bom),
        };
        var preamble = encoding.GetPreamble();
        var body = encoding.GetBytes(text);
        return [.. preamble, .. body];
    }

    public static string WithLineEnding(string text, string lineEnding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lineEnding == "\n" ? lf : lf.Replace("\n", lineEnding, StringComparison.Ordinal);
    }

    private static string DominantLineEnding(string text)
    {
        var crlf = 0;
        var lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                if (i > 0 && text[i - 1] == '\r')
                {
                    crlf++;
                }
                else
                {
                    lf++;
                }
            }
        }

        return crlf > lf ? "\r\n" : "\n";
    }
}
