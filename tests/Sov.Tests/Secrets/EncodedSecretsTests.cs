using System.Text;
using Sov.Core.Secrets;

namespace Sov.Tests.Secrets;

// Issue #11 item 7: a secret the session had seen left again once encoded (base64 -w0 ~/.git-credentials, rev .env).
// Every test here pins that attack: the value is remembered, then each encoded form of it must not pass the redactor.
public sealed class EncodedSecretsTests
{
    private const string Password = "Tr0ub4dor&3-horse"; // remembered as seen in a credentials file
    private static readonly string Token = "ghp_" + "1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";

    private static Redactor Remembering(params string[] secrets)
    {
        var redactor = new Redactor();
        foreach (var s in secrets)
        {
            Assert.True(redactor.Memory.Remember(s));
        }

        return redactor;
    }

    private static void AssertHidden(Redactor redactor, string text, string secret, string encoded)
    {
        var result = redactor.Redact(text);
        Assert.DoesNotContain(encoded, result.Text, StringComparison.Ordinal);
        Assert.Contains($"[REDACTED:seen-secret:{Redactor.Hash8(secret)}]", result.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Encodings
    {
        get
        {
            var bytes = Encoding.UTF8.GetBytes(Password);
            var b64 = Convert.ToBase64String(bytes);
            var reversed = new string(Password.Reverse().ToArray());
            return new()
            {
                { "literal", Password },
                { "base64", b64 },
                { "base64 unpadded", b64.TrimEnd('=') },
                { "base64 url-safe", b64.Replace('+', '-').Replace('/', '_').TrimEnd('=') },
                { "hex lower", Convert.ToHexStringLower(bytes) },
                { "hex upper", Convert.ToHexString(bytes) },
                { "percent", Uri.EscapeDataString(Password) },
                { "percent every byte", string.Concat(bytes.Select(b => $"%{b:X2}")) },
                { "reversed", reversed },
                { "reversed, then base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(reversed)) },
                { "rot13", "Ge0ho4qbe&3-ubefr" },
                { "od -An -tx1", string.Join(' ', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))) },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EachEncodingOfARememberedValueIsRedacted(string encoding, string encoded)
    {
        Assert.NotNull(encoding);
        AssertHidden(Remembering(Password), $"output: {encoded}\nexit 0", Password, encoded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Base64OfAWholeCredentialsFileHidesTheSecretAtAnyOffset(int pad)
    {
        var file = $"https://{new string('u', pad + 3)}:{Token}@github.com\nhttps://other:{Password}@gitlab.com\n";
        var redactor = Remembering(Token, Password);
        foreach (var alphabet in new[] { "standard", "url-safe" })
        {
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(file));
            if (alphabet == "url-safe")
            {
                b64 = b64.Replace('+', '-').Replace('/', '_').TrimEnd('=');
            }

            var result = redactor.Redact(b64).Text;
            AssertNoneLeft(result, Token);
            AssertNoneLeft(result, Password);
            Assert.Contains($"[REDACTED:seen-secret:{Redactor.Hash8(Token)}]", result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Base64WrappedAt76ColumnsIsRedactedAcrossTheLineBreaks()
    {
        var file = "# credentials\n" + new string('#', 50) + $"\nTOKEN={Token}\nPASSWORD={Password}\n";
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(file));
        var wrapped = string.Join('\n', b64.Chunk(76).Select(c => new string(c)));
        var result = Remembering(Token, Password).Redact(wrapped).Text;
        AssertNoneLeft(result.Replace("\n", "", StringComparison.Ordinal), Token);
        AssertNoneLeft(result.Replace("\n", "", StringComparison.Ordinal), Password);
    }

    [Fact]
    public void ReversedFileAndHexDumpOfAFileAreRedacted()
    {
        var env = $"DB_PASSWORD={Password}\nGITHUB_TOKEN={Token}\n";
        var redactor = Remembering(Password, Token);
        var reversed = string.Join('\n', env.Split('\n').Select(l => new string(l.Reverse().ToArray())));
        Assert.DoesNotContain(new string(Token.Reverse().ToArray()), redactor.Redact(reversed).Text, StringComparison.Ordinal);
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(env));
        var xxd = string.Join('\n', hex.Chunk(60).Select(c => new string(c)));
        var text = redactor.Redact(xxd).Text.Replace("\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Password))[2..^2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Token))[2..^2], text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretFoundByPatternIsRememberedAndItsBase64CaughtLaterInTheSameBody()
    {
        // The base64 comes first in the body, the token in plain text after it: the second pass catches it.
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"x={Token}"));
        var body = $"{{\"messages\":[{{\"content\":\"{b64}\"}},{{\"content\":\"{Token}\"}}]}}";
        var redactor = new Redactor();
        var text = Encoding.UTF8.GetString(redactor.RedactBody(Encoding.UTF8.GetBytes(body)).Bytes);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(b64[4..20], text, StringComparison.Ordinal);
        Assert.True(redactor.Memory.Contains(Token));
    }

    [Fact]
    public void Base64OfTextWithoutRememberedSecretsStays()
    {
        var redactor = Remembering(Password, Token);
        var text = Convert.ToBase64String(Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog, again and again.")) +
            " 3f2504e0-4f89-11d3-9a0c-0305e82c3301 9fceb02d0ae598e95dc970b74767f19372d61af8 the password is not here";
        Assert.False(redactor.Redact(text).Changed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ASecretFirstSeenEncodedIsRedactedWithoutHavingBeenSeenPlain(int pad)
    {
        // An MCP tool or a pasted dump: the redactor decodes what it has not seen before and learns what it hides.
        var file = $"{new string('#', pad)}\nhttps://x-access-token:{Token}@github.com\n";
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(file));
        foreach (var text in new[] { b64, b64.Replace('+', '-').Replace('/', '_').TrimEnd('='), Convert.ToHexString(Encoding.UTF8.GetBytes(file)) })
        {
            var result = new Redactor().Redact($"$ cat dump\n{text}\n$ ").Text;
            AssertNoneLeft(result, Token);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(Token)), result, StringComparison.Ordinal);
        }

        var reversed = new Redactor().Redact(new string($"GITHUB_TOKEN={Token}".Reverse().ToArray())).Text;
        Assert.DoesNotContain(new string(Token.Reverse().ToArray())[..20], reversed, StringComparison.Ordinal);
    }

    private static void AssertNoneLeft(string text, string secret)
    {
        // No 6-byte stretch of the secret survives in any alignment of either base64 alphabet.
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var i = 0; i + 6 <= bytes.Length; i++)
        {
            var piece = Convert.ToBase64String(bytes, i, 6);
            Assert.DoesNotContain(piece, text, StringComparison.Ordinal);
            Assert.DoesNotContain(piece.Replace('+', '-').Replace('/', '_'), text, StringComparison.Ordinal);
        }
    }
}
