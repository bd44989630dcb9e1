using Sov.Core.Secrets;

namespace Sov.Tests.Secrets;

// Issue #11 item 7: Hugging Face, Stripe, PyPI, npm and Docker tokens, URL passwords and one-line private keys
// went to the model unredacted. Fake secrets are assembled so no scanner mistakes this file for a leak.
public sealed class TokenKindsTests
{
    public static TheoryData<string, string> Tokens => new()
    {
        { "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "hf-token" },
        { "api_org_" + "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf", "hf-token" },
        { "sk_live_" + "51H8xKqLm2Np3Qr4St5Uv6Wx", "stripe-key" },
        { "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc", "stripe-key" },
        { "rk_live_" + "51H8xKqLm2Np3Qr4St5Uv6Wx", "stripe-key" },
        { "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "stripe-key" },
        { "pypi-" + "AgEIcHlwaS5vcmcCJGE4ZjVmMTY3LWY0NGYtNDk2NC1lNmM5LTk4ZGVlODI3MTEwYwACKlszLCJ", "pypi-token" },
        { "pypi-" + "AgENdGVzdC5weXBpLm9yZwIkYWJj", "pypi-token" },
        { "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "npm-token" },
        { "dckr_pat_" + "2YotnFZFEjr1zCsicMWpAA0a1b2", "docker-pat" },
        { "dckr_oat_" + "7Xk9mQ2vL7pR4sT8wY1zB3c", "docker-pat" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void EachTokenIsRedactedAsItsKind(string token, string kind)
    {
        var result = new Redactor().Redact($"token is {token}, use it");
        Assert.Equal($"token is [REDACTED:{kind}:{Redactor.Hash8(token)}], use it", result.Text);
    }

    [Theory]
    [InlineData("postgres://app:S3cr3t-Pa55@db.internal:5432/app", "S3cr3t-Pa55")]
    [InlineData("postgresql://user:password@localhost/db", "password")]
    [InlineData("mysql://root:hunter2@127.0.0.1:3306", "hunter2")]
    [InlineData("mongodb+srv://admin:Zq8xW3vB6nM1@cluster0.ab1cd.mongodb.net/test", "Zq8xW3vB6nM1")]
    [InlineData("redis://:r3d1sP4ss@cache:6379/0", "r3d1sP4ss")]
    [InlineData("amqp://guest:gu3st!pw@rabbit:5672/", "gu3st!pw")]
    [InlineData("https://octocat:tok3n-v4lue@github.com/org/repo.git", "tok3n-v4lue")]
    [InlineData("DATABASE_URL=\"postgres://u:p@ss:w0rd@host/db\"", "p@ss:w0rd")]
    public void ThePasswordOfAUrlInAnySchemeIsRedacted(string text, string password)
    {
        var result = new Redactor().Redact(text);
        Assert.DoesNotContain(password + "@", result.Text, StringComparison.Ordinal);
        Assert.Contains($"[REDACTED:url-password:{Redactor.Hash8(password)}]@", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://user:${DB_PASSWORD}@host/db")]
    [InlineData("https://user:<password>@example.com")]
    [InlineData("ssh://git@github.com:22/org/repo.git")]
    [InlineData("see http://localhost:8080/path and mail me@example.com")]
    public void UrlsWithoutARealPasswordStay(string text)
    {
        Assert.False(new Redactor().Redact(text).Changed);
    }

    [Theory]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\\nAAAAC3NzaC1lZDI1NTE5AAAAIHq\\n-----END OPENSSH PRIVATE KEY-----\\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIHq9c2e4mF7aZq8xW3vB6nM1kL4jH7gF\\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBYz7Z3\\n-----END EC PRIVATE KEY-----")]
    public void APrivateKeyOnOneLineWithLiteralNewlinesIsRedactedWhole(string key)
    {
        var text = $"SSH_KEY=\"{key}\" # deploy";
        var result = new Redactor().Redact(text);
        Assert.Equal("private-key", Assert.Single(result.Redactions).Kind);
        Assert.DoesNotContain("PRIVATE KEY", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\" # deploy", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpenSshKeyBodyWithoutItsHeaderIsRedacted()
    {
        var body = "b3BlbnNzaC1rZXktdjE" + "AAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ";
        var result = new Redactor().Redact($"key: {body}\nnext");
        Assert.Equal("private-key", Assert.Single(result.Redactions).Kind);
        Assert.EndsWith("\nnext", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 done")]
    [InlineData("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (HEAD -> main)")]
    [InlineData("from huggingface_hub import hf_hub_download; hf_transfer enabled")]
    [InlineData("stripe.api_key = os.environ['STRIPE_KEY'] # sk_live_ prefix means production")]
    [InlineData("npm_config_registry=https://registry.npmjs.org/")]
    [InlineData("pip install pypi-simple; dckr_pat_ tokens are created in Docker Hub")]
    [InlineData("aGVsbG8gd29ybGQsIHRoaXMgaXMgYmFzZTY0IG9mIGEgc2VudGVuY2U=")]
    public void OrdinaryTextAndIdentifiersStay(string text)
    {
        var result = new Redactor().Redact(text);
        Assert.False(result.Changed, string.Join(",", result.Redactions));
    }
}
