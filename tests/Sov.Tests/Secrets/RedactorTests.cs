using System.Text;
using System.Text.Json;
using Sov.Core.Secrets;

namespace Sov.Tests.Secrets;

public sealed class RedactorTests
{
    // Fake secrets, assembled so no scanner mistakes this file for a leak.
    private static readonly string Aws = "AKIA" + "IOSFODNN7EXAMPLE";
    private static readonly string GitHub = "ghp_" + "1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";
    private static readonly string GitLab = "glpat-" + "xK9mQ2vL7pR4sT8wY1zB";
    private static readonly string Slack = "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOp";
    private static readonly string OpenAi = "sk-proj-" + "T3BlbkFJabc123DEF456ghi789JKL";
    private static readonly string Gcp = "AIza" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY";
    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private static readonly string Pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1c3x\nQ2lq9w==\n-----END RSA PRIVATE KEY-----";
    private static readonly string Azure = "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + new string('A', 20) + "bC9+dE8/fG7hI6jK5lM4nO3pQ2rS1tU0vW9xY8zA7bC6dE5fG4hI3jK2lM1nO0pQ==";

    public static TheoryData<string, string> Secrets => new()
    {
        { Aws, "aws-access-key" },
        { GitHub, "github-token" },
        { GitLab, "gitlab-token" },
        { Slack, "slack-token" },
        { OpenAi, "openai-key" },
        { Gcp, "gcp-api-key" },
        { Jwt, "jwt" },
        { Pem, "private-key" },
    };

    // Review of #20: the person's [redaction] allow (their own config) let a match of the managed policy's
    // redaction.patterns go out, by its value or by the hash8 its marker shows: the policy must not be loosened.
    [Fact]
    public void TheUsersAllowListDoesNotExemptAMatchOfThePolicysPatterns()
    {
        const string Value = "ACME-12345678";
        var options = new RedactionOptions([Value, Redactor.Hash8(Value)])
        {
            Patterns = [new System.Text.RegularExpressions.Regex("ACME-[0-9]{8}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))],
        };
        var result = new Redactor(options).Redact($"ticket {Value} here");
        Assert.DoesNotContain(Value, result.Text, StringComparison.Ordinal);
        Assert.Equal("policy-pattern", Assert.Single(result.Redactions).Kind);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void EachKindIsReplacedByItsMarker(string secret, string kind)
    {
        var result = new Redactor().Redact($"before {secret} after");
        Assert.DoesNotContain(secret, result.Text, StringComparison.Ordinal);
        var r = Assert.Single(result.Redactions);
        Assert.Equal(kind, r.Kind);
        Assert.Equal(Redactor.Hash8(secret), r.Hash8);
        Assert.Equal($"before [REDACTED:{kind}:{r.Hash8}] after", result.Text);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void SecretsInsideJsonStringsAreRedactedAndTheJsonStaysValid(string secret, string kind)
    {
        // The gate redacts the JSON text of the request body, where the PEM's newlines are "\n" escapes.
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["content"] = $"file:\n{secret}\nend" },
            RedactorJson.Default.DictionaryStringString);
        var result = new Redactor().RedactBody(Encoding.UTF8.GetBytes(json));
        Assert.Equal(kind, Assert.Single(result.Redactions).Kind);
        using var doc = JsonDocument.Parse(result.Bytes);
        Assert.DoesNotContain(secret, doc.RootElement.GetProperty("content").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccountKeysAreRedacted()
    {
        var result = new Redactor().Redact(Azure);
        Assert.Equal("azure-storage-key", Assert.Single(result.Redactions).Kind);
        Assert.Contains("AccountKey=[REDACTED:azure-storage-key:", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DB_PASSWORD=Xk9#mQ2vL7pR4sT", "DB_PASSWORD=[REDACTED")]
    [InlineData("export API_KEY='a8f5f167f44f4964e6c998dee827110c'", "export API_KEY='[REDACTED")]
    [InlineData("\"client_secret\": \"9s8d7f6g5h4j3k2l1q0w\"", "\"client_secret\": \"[REDACTED")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED")]
    [InlineData("{\\\"auth_token\\\": \\\"Zq8xW3vB6nM1kL4jH7gF\\\"}", "{\\\"auth_token\\\": \\\"[REDACTED")]
    public void HighEntropyValuesAssignedToSecretNamesAreRedacted(string input, string expectedPrefix)
    {
        var result = new Redactor().Redact(input);
        Assert.Equal("assigned-secret", Assert.Single(result.Redactions).Kind);
        Assert.StartsWith(expectedPrefix, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"max_tokens\": 4096")]
    [InlineData("PASSWORD=changeme")]
    [InlineData("api_key: your-api-key")]
    [InlineData("token = os.environ")]
    [InlineData("The monkey: bananas")]
    [InlineData("\"prompt_tokens\":1234,\"completion_tokens\":56")]
    [InlineData("sk-learn is a library")]
    public void OrdinaryTextIsLeftAlone(string input)
    {
        var result = new Redactor().Redact(input);
        Assert.False(result.Changed, string.Join(",", result.Redactions));
        Assert.Equal(input, result.Text);
    }

    [Fact]
    public void TheAllowListPassesAValueByItselfOrByItsHash8()
    {
        var byValue = new Redactor(new RedactionOptions([GitHub])).Redact(GitHub);
        Assert.False(byValue.Changed);
        var byHash = new Redactor(new RedactionOptions([Redactor.Hash8(Aws)])).Redact($"{Aws} {GitHub}");
        Assert.Equal("github-token", Assert.Single(byHash.Redactions).Kind);
        Assert.StartsWith(Aws, byHash.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactingTwiceChangesNothingMore()
    {
        var redactor = new Redactor();
        var once = redactor.Redact($"TOKEN={GitHub} and {Jwt}");
        var twice = redactor.Redact(once.Text);
        Assert.False(twice.Changed);
        Assert.Equal(once.Text, twice.Text);
    }

    [Fact]
    public void TheSameSecretGetsTheSameMarkerEveryTime()
    {
        var text = new Redactor().Redact($"{Slack} and again {Slack}").Text;
        var marker = $"[REDACTED:slack-token:{Redactor.Hash8(Slack)}]";
        Assert.Equal($"{marker} and again {marker}", text);
    }

    [Fact]
    public void AnUnterminatedPrivateKeyIsRedactedToTheEndOfItsString()
    {
        // A tool read that stops halfway through a key file must not leak the half it read.
        var json = "{\"content\":\"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\nQ2lq\"}";
        var result = new Redactor().RedactBody(Encoding.UTF8.GetBytes(json));
        Assert.Equal("private-key", Assert.Single(result.Redactions).Kind);
        Assert.DoesNotContain("b3BlbnNzaC1rZXktdjEAAAAA", Encoding.UTF8.GetString(result.Bytes), StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(result.Bytes);
    }

    [Fact]
    public void AJsonBodyKeepsEveryByteButTheRedactedStrings()
    {
        // Tool arguments arrive as JSON inside a JSON string; '+' and quotes arrive as \u escapes.
        var body = "{\"model\":\"q\",  \"messages\":[{\"role\":\"tool\",\"content\":\"SECRET_KEY=\\u0027Xk9\\u002BmQ2vL7pR4sT\\u0027\\nok\"}],\"max_tokens\":4096}";
        var result = new Redactor().RedactBody(Encoding.UTF8.GetBytes(body));
        var text = Encoding.UTF8.GetString(result.Bytes);
        Assert.Equal("assigned-secret", Assert.Single(result.Redactions).Kind);
        Assert.StartsWith("{\"model\":\"q\",  \"messages\":[{\"role\":\"tool\",\"content\":\"SECRET_KEY=", text, StringComparison.Ordinal);
        Assert.EndsWith("\"}],\"max_tokens\":4096}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mQ2vL7pR4sT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedBodyIsReturnedByteForByte()
    {
        var body = Encoding.UTF8.GetBytes("{ \"a\" : \"caf\\u00e9\" }");
        Assert.Equal(body, new Redactor().RedactBody(body).Bytes);
        Assert.Equal("plain [REDACTED:github-token:" + Redactor.Hash8(GitHub) + "]",
            Encoding.UTF8.GetString(new Redactor().RedactBody(Encoding.UTF8.GetBytes("plain " + GitHub)).Bytes));
    }
}
