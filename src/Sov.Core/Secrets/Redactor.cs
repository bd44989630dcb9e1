using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Secrets;

/// <summary>
/// Finds secrets in text and replaces each with <c>[REDACTED:kind:hash8]</c>, where hash8 is the first 8 hex
/// digits of the secret's SHA-256 (the same secret always gets the same marker, so the model can still tell
/// two apart). The egress gate runs it on the exact bytes of every request body before they leave.
/// Kinds: private-key, aws-access-key, gcp-api-key, gcp-oauth-token, azure-storage-key, github-token,
/// gitlab-token, slack-token, slack-webhook, openai-key, jwt, and assigned-secret (a high-entropy value
/// assigned to a name containing key, token, secret, password, credential or auth).
/// </summary>
public sealed class Redactor
{
    private readonly FrozenSet<string> _allow;

    public Redactor(RedactionOptions? options = null)
    {
        _allow = (options ?? RedactionOptions.None).Allow.ToFrozenSet(StringComparer.Ordinal);
    }

    public static string Hash8(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..8];
    }

    /// <summary>
    /// Redacts a request body. A JSON body is walked token by token: each string value is unescaped,
    /// redacted as text and, only if something was found, re-encoded in place; every other byte stays as
    /// it was. (Redacting the escaped JSON text instead would miss secrets written as <c>\u002B</c> or
    /// glued to a <c>\n</c>.) A body that is not JSON is redacted as UTF-8 text.
    /// </summary>
    public BodyRedaction RedactBody(ReadOnlySpan<byte> body)
    {
        List<(int Start, int End, string Value)>? edits = null;
        var found = new List<Redaction>();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    continue;
                }

                var result = Redact(reader.GetString()!);
                if (result.Changed)
                {
                    var start = (int)reader.TokenStartIndex;
                    (edits ??= []).Add((start, start + reader.ValueSpan.Length + 2, result.Text));
                    found.AddRange(result.Redactions);
                }
            }
        }
        catch (JsonException)
        {
            var text = Redact(Encoding.UTF8.GetString(body));
            return new BodyRedaction(text.Changed ? Encoding.UTF8.GetBytes(text.Text) : body.ToArray(), text.Redactions);
        }

        if (edits is null)
        {
            return new BodyRedaction(body.ToArray(), []);
        }

        var output = new ArrayBufferWriter<byte>(body.Length);
        var at = 0;
        foreach (var (start, end, value) in edits)
        {
            output.Write(body[at..start]);
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStringValue(value);
            }

            at = end;
        }

        output.Write(body[at..]);
        return new BodyRedaction(output.WrittenSpan.ToArray(), found);
    }

    public RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Redaction>();
        foreach (var (kind, pattern) in SecretPatterns.All)
        {
            foreach (System.Text.RegularExpressions.Match m in pattern.Matches(text))
            {
                var g = m.Groups["s"];
                var (start, length) = g.Success ? (g.Index, g.Length) : (m.Index, m.Length);
                Add(found, text, kind, start, length);
            }
        }

        foreach (System.Text.RegularExpressions.Match m in SecretPatterns.Assignment().Matches(text))
        {
            var g = m.Groups["s"];
            if (Entropy.LooksSecret(g.ValueSpan))
            {
                Add(found, text, "assigned-secret", g.Index, g.Length);
            }
        }

        if (found.Count == 0)
        {
            return new RedactionResult(text, []);
        }

        // Earliest first, longest first at the same start; drop anything overlapping an earlier pick.
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<Redaction>();
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var r in found)
        {
            if (r.Start < at)
            {
                continue;
            }

            builder.Append(text, at, r.Start - at).Append(r.Marker);
            at = r.Start + r.Length;
            kept.Add(r);
        }

        builder.Append(text, at, text.Length - at);
        return new RedactionResult(builder.ToString(), kept);
    }

    private void Add(List<Redaction> found, string text, string kind, int start, int length)
    {
        var secret = text.Substring(start, length);
        if (secret.StartsWith("[REDACTED:", StringComparison.Ordinal))
        {
            return;
        }

        var hash8 = Hash8(secret);
        if (_allow.Contains(secret) || _allow.Contains(hash8))
        {
            return;
        }

        found.Add(new Redaction(kind, hash8, start, length));
    }
}
