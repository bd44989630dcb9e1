using System.Buffers;

namespace Sov.Core.Secrets;

/// <summary>
/// Every form of every remembered secret (<see cref="EncodedForms"/>) in one multi-string search, built once
/// per change of the memory: finding them costs one pass over the text however many secrets there are.
/// </summary>
internal sealed class SecretForms
{
    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=";
    private static readonly SearchValues<char> Base64Alphabet = SearchValues.Create(Base64Chars);

    private readonly SearchValues<string>? _search;
    private readonly Dictionary<string, List<(EncodedForms.Form Form, string Secret)>> _byPrefix = new(StringComparer.Ordinal);

    public SecretForms(IEnumerable<string> secrets)
    {
        var needles = new List<string>();
        foreach (var secret in secrets)
        {
            foreach (var form in EncodedForms.Of(secret))
            {
                var key = form.Text[..EncodedForms.MinLength];
                if (!_byPrefix.TryGetValue(key, out var list))
                {
                    _byPrefix[key] = list = [];
                }

                list.Add((form, secret));
                needles.Add(form.Text);
            }
        }

        _search = needles.Count == 0 ? null : SearchValues.Create(needles.ToArray(), StringComparison.Ordinal);
    }

    /// <summary>Where forms occur in <paramref name="text"/>: the span in the original text and the secret it encodes.</summary>
    public List<(int Start, int Length, string Secret)> Find(string text)
    {
        var hits = new List<(int Start, int Length, string Secret)>();
        if (_search is null)
        {
            return hits;
        }

        var view = NewlineFreeView.Of(text);
        var s = view.Text.AsSpan();
        var lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        var at = 0;
        while (at < s.Length)
        {
            var i = s[at..].IndexOfAny(_search);
            if (i < 0)
            {
                break;
            }

            i += at;
            at = i + 1;
            if (i + EncodedForms.MinLength > s.Length || !lookup.TryGetValue(s.Slice(i, EncodedForms.MinLength), out var candidates))
            {
                continue;
            }

            (EncodedForms.Form Form, string Secret)? best = null;
            foreach (var c in candidates)
            {
                if (s[i..].StartsWith(c.Form.Text, StringComparison.Ordinal) && (best is null || c.Form.Text.Length > best.Value.Form.Text.Length))
                {
                    best = c;
                }
            }

            if (best is not { } b)
            {
                continue;
            }

            var (start, end) = (i, i + b.Form.Text.Length);
            if (b.Form.Base64)
            {
                (start, end) = Widen(s, start, end);
            }

            var (from, length) = view.ToOriginal(start, end);
            hits.Add((from, length, b.Secret));
        }

        return hits;
    }

    // One group of 4 characters on each side, as far as they are base64, plus any padding that follows.
    private static (int Start, int End) Widen(ReadOnlySpan<char> s, int start, int end)
    {
        for (var n = 0; n < 4 && start > 0 && Base64Alphabet.Contains(s[start - 1]); n++)
        {
            start--;
        }

        for (var n = 0; n < 4 && end < s.Length && Base64Alphabet.Contains(s[end]); n++)
        {
            end++;
        }

        while (end < s.Length && s[end] == '=')
        {
            end++;
        }

        return (start, end);
    }
}
