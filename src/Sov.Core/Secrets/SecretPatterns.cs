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
        ("hf-token", HuggingFace()),
        ("stripe-key", Stripe()),
        ("pypi-token", PyPi()),
        ("npm-token", Npm()),
        ("docker-pat", Docker()),
        ("url-password", UrlPassword()),
        ("private-key", OpenSshKeyBody()),
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

    // Hugging Face user and organisation tokens.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?:hf_|api_org_)[A-Za-z0-9]{20,}")]
    private static partial Regex HuggingFace();

    // Stripe secret and restricted keys (live and test) and webhook signing secrets; publishable pk_ keys are public.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,})")]
    private static partial Regex Stripe();

    // PyPI and TestPyPI API tokens (macaroons, which always begin AgE once base64-encoded).
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])pypi-(?:AgE[A-Za-z0-9_\-]{16,}|[A-Za-z0-9_\-]{40,})")]
    private static partial Regex PyPi();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])npm_[A-Za-z0-9]{24,}")]
    private static partial Regex Npm();

    // Docker Hub personal and organisation access tokens.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])dckr_(?:pat|oat)_[A-Za-z0-9_\-]{16,}")]
    private static partial Regex Docker();

    /// <summary>
    /// The password of a URL in any scheme (<c>postgres://user:password@host</c>, <c>mongodb+srv://</c>,
    /// <c>redis://:password@host</c>, <c>https://user:token@github.com</c>): everything between the first colon
    /// after the user and the last <c>@</c> before the host, so a raw <c>@</c> in the password is covered.
    /// Template placeholders (<c>${VAR}</c>, <c>&lt;password&gt;</c>, <c>{password}</c>, <c>***</c>) are not secrets.
    /// The match starts at <c>://</c>, so the search is a fast literal scan.
    /// </summary>
    [GeneratedRegex(@"(?<=[A-Za-z0-9])://[^\s:/?#@""'\\]*:(?![$<{*])(?<s>[^\s/?#""'\\]+)@(?=[A-Za-z0-9\[])")]
    private static partial Regex UrlPassword();

    // An OpenSSH private key's body without its BEGIN line ("openssh-key-v1" base64-encoded), on one line or many.
    [GeneratedRegex(@"b3BlbnNzaC1rZXktdjE[A-Za-z0-9+/=]{16,}(?:(?:\\n|\r?\n)(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]{1,15}={1,2}))*")]
    private static partial Regex OpenSshKeyBody();

    /// <summary>
    /// A value assigned to a name that says it is secret (.env, YAML, JSON, shell, code):
    /// <c>DB_PASSWORD=…</c>, <c>"api_key": "…"</c>, <c>export GITHUB_TOKEN='…'</c>, also inside JSON-escaped text
    /// (<c>\"secret\": \"…\"</c>). Whether the value is redacted is decided by its entropy. The match starts at
    /// the keyword (whatever precedes it in the name does not matter), so the search is a fast literal scan.
    /// </summary>
    [GeneratedRegex(@"(?<name>(?i:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)[A-Za-z0-9_\-]*)(?:\\?[""'])?[ \t]*(?::=|=>|=|:)[ \t]*(?:\\?[""'])?(?<s>[^\s""'\\,;<>(){}\[\]`]{8,})")]
    public static partial Regex Assignment();
}
