using System.Text.RegularExpressions;

namespace Sov.Core.Secrets;

/// <summary>
/// The secret values in one tool output, to be remembered for the session: whatever the patterns find, and in
/// text from a credentials file also every value assigned to a secret-sounding name (<c>DB_PASSWORD=…</c>,
/// <c>password: …</c>, netrc's <c>password …</c>) or random enough to be one. The output is also read reversed
/// and with its base64, hex and percent-encoded runs decoded (two levels deep), so a secret first seen through
/// <c>base64 -w0 ~/.git-credentials</c> or <c>rev .env</c> is learned too.
/// </summary>
internal static partial class SecretHarvest
{
    private const int Depth = 2;

    /// <param name="text">A tool output, or any text about to leave.</param>
    /// <param name="credentialFile">Whether the text comes from a credentials file.</param>
    /// <param name="plainScanned">Whether the patterns already ran over the text as it is (the redactor's own pass).</param>
    /// <returns>
    /// Each value, and whether it is vouched for by where it stands (a password in a credentials file, by its name
    /// or its place in a URL or netrc line): such a value may be a plain word (<c>supersecret</c>), see <see cref="SecretValue"/>.
    /// </returns>
    public static IEnumerable<(string Value, bool Vouched)> Values(string text, bool credentialFile, bool plainScanned = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var view in Views(text, Depth, reversed: false))
        {
            if (!(plainScanned && ReferenceEquals(view, text)))
            {
                foreach (var (kind, start, length) in SecretScan.Find(view))
                {
                    yield return (view.Substring(start, length), credentialFile && kind == "url-password");
                }
            }

            foreach (var value in AssignedValues(view, credentialFile))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<(string Value, bool Vouched)> AssignedValues(string text, bool credentialFile)
    {
        if (credentialFile && UserColonPassword().Match(text) is { Success: true } pair)
        {
            yield return (pair.Groups["v"].Value, true); // a decoded Basic credential, as in .docker/config.json's "auth"
        }

        foreach (var whole in text.Split('\n'))
        {
            var line = whole;
            if (CredentialFiles.FromCredentialFile(whole) is { } content)
            {
                line = content;
            }
            else if (!credentialFile)
            {
                continue;
            }

            foreach (var m in Assigned().Matches(line).Concat(Spaced().Matches(line)))
            {
                var value = m.Groups["v"].Value;
                var named = SecretName().IsMatch(m.Groups["name"].ValueSpan);
                if (named || Entropy.LooksSecret(value))
                {
                    yield return (value, named && StrongName().IsMatch(m.Groups["name"].ValueSpan));
                }
            }
        }
    }

    private static IEnumerable<string> Views(string text, int depth, bool reversed)
    {
        yield return text;
        if (depth == 0)
        {
            yield break;
        }

        if (!reversed)
        {
            var chars = text.ToCharArray();
            Array.Reverse(chars);
            foreach (var view in Views(new string(chars), depth - 1, reversed: true))
            {
                yield return view;
            }
        }

        foreach (var decoded in EncodedRuns.Decode(text))
        {
            foreach (var view in Views(decoded, depth - 1, reversed: false))
            {
                yield return view;
            }
        }
    }

    // NAME=value, name: value, "name": "value", export NAME='value', name = value.
    [GeneratedRegex(@"(?<name>[A-Za-z0-9_.\-]+)[""']?[ \t]*(?::=|=|:)[ \t]*[""']?(?<v>[^\s""',;]{8,})")]
    private static partial Regex Assigned();

    // netrc and similar: "password value".
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<name>password|passwd|secret|token)[ \t]+(?<v>\S{8,})")]
    private static partial Regex Spaced();

    [GeneratedRegex(@"^[^:\s]{1,128}:(?<v>\S{8,})\s*$")]
    private static partial Regex UserColonPassword();

    [GeneratedRegex(@"(?i)key|token|secret|pass|pwd|credential|auth|private|cookie|signature|salt")]
    private static partial Regex SecretName();

    // Names whose value is a secret whatever it looks like (not auth_mode, key_path...: those need a random value).
    [GeneratedRegex(@"(?i)passw|passwd|pwd|secret|token|api_?key|access_?key|private_?key|_authtoken|^password$")]
    private static partial Regex StrongName();
}
