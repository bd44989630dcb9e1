using System.Text;

namespace Sov.Core.Secrets;

/// <summary>
/// The forms a remembered secret can take once a tool has printed it: as itself, reversed (<c>rev</c>), ROT13,
/// JSON-escaped, hex in either case (<c>xxd -p</c>) or as spaced bytes (<c>od -An -tx1</c>), percent-encoded
/// (reserved bytes only, slashes kept or not, or every byte), and base64 of the secret and of it reversed, in
/// the standard and URL-safe alphabets. Base64 depends on where the secret sat in what was encoded: for each of
/// the three offsets modulo 3 the form is the run of characters that encode whole 3-byte groups of the secret
/// alone, which is a substring of the encoding of any file holding the secret at such an offset, padded or not.
/// The one or two bytes at either end fall in characters shared with their neighbours; <see cref="Form.Base64"/>
/// tells the matcher to widen the span by one group on each side to cover them.
/// </summary>
internal static class EncodedForms
{
    /// <summary>The shortest form worth searching for: shorter ones would match ordinary text by chance.</summary>
    public const int MinLength = 8;

    public readonly record struct Form(string Text, bool Base64);

    public static IEnumerable<Form> Of(string secret)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(secret);
        var reversed = secret.ToCharArray();
        Array.Reverse(reversed);
        string[] plain =
        [
            secret,
            new string(reversed),
            System.Text.Json.JsonEncodedText.Encode(secret).Value,
            Convert.ToHexStringLower(bytes),
            Convert.ToHexString(bytes),
            Uri.EscapeDataString(secret),
            Uri.EscapeDataString(secret).Replace("%2F", "/", StringComparison.Ordinal),
            PercentEveryByte(bytes, upper: true),
            PercentEveryByte(bytes, upper: false),
            string.Join(' ', Convert.ToHexStringLower(bytes).Chunk(2).Select(pair => new string(pair))),
            Rot13(secret),
        ];
        foreach (var text in plain)
        {
            if (text.Length >= MinLength && seen.Add(text))
            {
                yield return new Form(text, false);
            }
        }

        // Base64 of the secret and of the secret reversed (rev .env | base64).
        foreach (var source in new[] { bytes, Encoding.UTF8.GetBytes(new string(reversed)) })
        {
            foreach (var text in Base64Middles(source))
            {
                if (text.Length >= MinLength && seen.Add(text))
                {
                    yield return new Form(text, true);
                }
            }
        }
    }

    /// <summary>For each offset modulo 3, the characters that encode whole groups of <paramref name="bytes"/> alone, in both alphabets.</summary>
    private static IEnumerable<string> Base64Middles(byte[] bytes)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var skip = (3 - offset) % 3;
            var whole = (bytes.Length - skip) / 3 * 3;
            if (whole > 0)
            {
                var standard = Convert.ToBase64String(bytes, skip, whole);
                yield return standard;
                yield return standard.Replace('+', '-').Replace('/', '_');
            }
        }
    }

    private static string Rot13(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                _ => c,
            };
        }
    });

    private static string PercentEveryByte(byte[] bytes, bool upper)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            builder.Append('%').Append(b.ToString(upper ? "X2" : "x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
