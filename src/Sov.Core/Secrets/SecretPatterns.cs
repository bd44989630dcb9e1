using System.Text.RegularExpressions;

namespace Sov.Core.Secrets;

/// <summary>
/// What a secret looks like. Each pattern's group <c>s</c> is the secret (the whole match when absent).
/// Values stop at quotes, backslashes and whitespace, so a match never eats JSON structure: the redactor
/// runs on the exact JSON text of a request body, where a newline is the two characters <c>\n</c>.
/// </summary>
internal static partial class SecretPatterns
{
    public static IReadOnlyList<(string Kind, Regex Pattern)> All { get; } =
    [
        ("private-key", PrivateKey()),
        ("aws-access-key", AwsAccessKey()),
        ("gcp-api-key", GcpApiKey()),
        ("gcp-oauth-token", GcpOauth()),
        ("azure-storage-key", AzureKey()),
        ("github-token", GitHub()),
        ("gitlab-token", GitLab()),
        ("slack-token", Slack()),
        ("slack-webhook", SlackWebhook()),
        ("openai-key", OpenAi()),
        ("jwt", Jwt()),
    ];

    // PEM private keys (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP), through END or, if cut short, to the end of the string.
    [GeneratedRegex(@"-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----(?:(?!-----END)[^""])*?(?:-----END[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----|(?=""|$))", RegexOptions.Singleline)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])")]
    private static partial Regex GcpApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])ya29\.[0-9A-Za-z_\-]{20,}")]
    private static partial Regex GcpOauth();

    [GeneratedRegex(@"(?i:AccountKey|SharedAccessKey)=(?<s>[A-Za-z0-9+/]{40,}={0,2})")]
    private static partial Regex AzureKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})")]
    private static partial Regex GitHub();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])gl(?:pat|dt|ptt|rt|soat|cbt)-[A-Za-z0-9_\-]{20,}")]
    private static partial Regex GitLab();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])xox[abposr]-[A-Za-z0-9\-]{10,}")]
    private static partial Regex Slack();

    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9_/\-]{20,}")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\-]{20,}")]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")]
    private static partial Regex Jwt();

    /// <summary>
    /// A value assigned to a name that says it is secret (.env, YAML, JSON, shell, code):
    /// <c>DB_PASSWORD=…</c>, <c>"api_key": "…"</c>, <c>export GITHUB_TOKEN='…'</c>, also inside JSON-escaped text
    /// (<c>\"secret\": \"…\"</c>). Whether the value is redacted is decided by its entropy. The match starts at
    /// the keyword (whatever precedes it in the name does not matter), so the search is a fast literal scan.
    /// </summary>
    [GeneratedRegex(@"(?<name>(?i:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)[A-Za-z0-9_\-]*)(?:\\?[""'])?[ \t]*(?::=|=>|=|:)[ \t]*(?:\\?[""'])?(?<s>[^\s""'\\,;<>(){}\[\]`]{8,})")]
    public static partial Regex Assignment();
}
