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
/// Kinds: private-key (PEM blocks, also on one line with literal <c>\n</c>, and OpenSSH key bodies),
/// aws-access-key, gcp-api-key, gcp-oauth-token, azure-storage-key, github-token, gitlab-token, slack-token,
/// slack-webhook, openai-key, jwt, hf-token, stripe-key, pypi-token, npm-token, docker-pat, url-password (the
/// password in <c>scheme://user:password@host</c>), assigned-secret (a high-entropy value assigned to a name
/// containing key, token, secret, password, credential or auth), and seen-secret: a value the session's
/// <see cref="SecretMemory"/> remembers, found as itself or encoded (base64 at any alignment in either alphabet,
/// wrapped or not; hex; percent-encoding; reversed), its hash8 that of the value itself. Every secret a pattern
/// finds is remembered too, so its encodings are caught from then on. Overlapping finds merge into one marker.
/// </summary>
public sealed class Redactor
{
    /// <summary>The kind of a match of the managed policy's <c>redaction.patterns</c> (#20).</summary>
    private const string PolicyPattern = "policy-pattern";

    private readonly FrozenSet<string> _allow;
    private readonly IReadOnlyList<System.Text.RegularExpressions.Regex> _patterns;

    public Redactor(RedactionOptions? options = null, SecretMemory? memory = null)
    {
        options ??= RedactionOptions.None;
        _allow = options.Allow.ToFrozenSet(StringComparer.Ordinal);
        _patterns = options.Patterns;
        Memory = memory ?? new SecretMemory(options);
    }

    /// <summary>The secret values this redactor's session has seen; tool outputs feed it.</summary>
    public SecretMemory Memory { get; }

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
        // A secret a pattern finds late in the body is remembered then; one more pass redacts its encodings earlier on.
        var version = Memory.Version;
        var result = RedactBodyOnce(body);
        return Memory.Version == version ? result : RedactBodyOnce(body);
    }

    private BodyRedaction RedactBodyOnce(ReadOnlySpan<byte> body)
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
        Memory.LearnOnce(text);
        var found = new List<Redaction>();
        foreach (var (kind, start, length) in SecretScan.Find(text))
        {
            Add(found, text, kind, start, length);
        }

        foreach (var pattern in _patterns)
        {
            foreach (System.Text.RegularExpressions.Match m in pattern.Matches(text))
            {
                if (m.Length > 0)
                {
                    Add(found, text, PolicyPattern, m.Index, m.Length);
                }
            }
        }

        if (Memory.Count > 0)
        {
            foreach (var (start, length, secret) in Memory.Forms.Find(text))
            {
                if (!text.AsSpan(start).StartsWith("[REDACTED:", StringComparison.Ordinal))
                {
                    found.Add(new Redaction("seen-secret", Hash8(secret), start, length));
                }
            }
        }

        return found.Count == 0 ? new RedactionResult(text, []) : Replace(text, found);
    }

    /// <summary>
    /// Earliest first, longest first at the same start, a pattern's kind before seen-secret; a find overlapping
    /// the one before widens it rather than being dropped, so no part of either secret is left.
    /// </summary>
    private static RedactionResult Replace(string text, List<Redaction> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : (a.Kind == "seen-secret").CompareTo(b.Kind == "seen-secret"));
        var kept = new List<Redaction>();
        foreach (var r in found)
        {
            if (kept.Count > 0 && r.Start < kept[^1].Start + kept[^1].Length)
            {
                var last = kept[^1];
                kept[^1] = last with { Length = Math.Max(last.Length, r.Start + r.Length - last.Start) };
                continue;
            }

            kept.Add(r);
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var r in kept)
        {
            builder.Append(text, at, r.Start - at).Append(r.Marker);
            at = r.Start + r.Length;
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
        if (kind != PolicyPattern && (_allow.Contains(secret) || _allow.Contains(hash8))) // the person's allow-list never loosens the managed policy (review of #20)
        {
            return;
        }

        found.Add(new Redaction(kind, hash8, start, length));
        Memory.Remember(secret);
    }
}
