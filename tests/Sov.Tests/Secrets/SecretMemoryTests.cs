using System.Text;
using Sov.Core.Secrets;

namespace Sov.Tests.Secrets;

// Issue #11 item 7: the session remembers the secret values its tools showed, so their encodings are redacted later.
public sealed class SecretMemoryTests
{
    private const string DbPassword = "hunter2hunter2";
    private static readonly string Token = "ghp_" + "1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";

    private static readonly string Env = $"""
        # local settings
        NODE_ENV=production
        PORT=3000
        DEBUG=true
        DB_HOST=db.internal.example.com
        API_URL=https://api.example.com/v1
        DB_PASSWORD={DbPassword}
        export SESSION_SECRET='Zq8xW3vB6nM1kL4j'
        GITHUB_TOKEN={Token}
        PLACEHOLDER_KEY=your-key-here
        """;

    [Fact]
    public void FromACredentialsFileEverySecretLookingValueIsRememberedAndNothingElse()
    {
        var memory = new SecretMemory();
        memory.LearnFromToolOutput("{\"path\":\".env\"}", Env);
        Assert.True(memory.Contains(DbPassword));
        Assert.True(memory.Contains("Zq8xW3vB6nM1kL4j"));
        Assert.True(memory.Contains(Token));
        foreach (var word in new[] { "production", "3000", "true", "db.internal.example.com", "https://api.example.com/v1", "your-key-here" })
        {
            Assert.False(memory.Contains(word), word);
        }
    }

    [Fact]
    public void APlainWordIsAPasswordWhenACredentialsFileSaysSo()
    {
        var memory = new SecretMemory();
        memory.LearnFromToolOutput("{\"command\":\"cat .env .git-credentials\"}",
            "DB_PASSWORD=supersecret\nAUTH_MODE=password\nSESSION_DRIVER=database\nKEY_PATH=keys/signing\nhttps://alice:opensesame99@github.com\n");
        Assert.True(memory.Contains("supersecret"));
        Assert.True(memory.Contains("opensesame99"));
        Assert.Equal(2, memory.Count);
    }

    [Fact]
    public void OutsideCredentialsFilesOnlyWhatThePatternsFindIsRemembered()
    {
        var memory = new SecretMemory();
        memory.LearnFromToolOutput("{\"path\":\"src/config.py\"}", Env);
        Assert.True(memory.Contains(Token));
        Assert.False(memory.Contains(DbPassword)); // low entropy: a pattern alone does not call it a secret
    }

    [Fact]
    public void GrepLinesFromACredentialsFileCount()
    {
        var memory = new SecretMemory();
        memory.LearnFromToolOutput("{\"pattern\":\"PASSWORD\"}", $"src/app.py:3:PASSWORD = os.environ['X']\n.env:6:DB_PASSWORD={DbPassword}\n");
        Assert.True(memory.Contains(DbPassword));
        Assert.False(memory.Contains("os.environ['X']"));
    }

    [Theory]
    [InlineData(".git-credentials", "https://octocat:Sup3rS3cret!@github.com\n", "Sup3rS3cret!")]
    [InlineData(".netrc", "machine api.example.com login bob password Pa55w0rd-netrc\n", "Pa55w0rd-netrc")]
    [InlineData(".pypirc", "[pypi]\nusername = __token__\npassword = Xk9mQ2vL7pR4sT8w\n", "Xk9mQ2vL7pR4sT8w")]
    [InlineData(".npmrc", "//registry.npmjs.org/:_authToken=n0t-A-real-t0ken-42\n", "n0t-A-real-t0ken-42")]
    [InlineData(".docker/config.json", "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"Ym9iOmQwY2tlclBhc3M5OQ==\"}}}", "d0ckerPass99")]
    [InlineData("config/database.yml", "production:\n  password: \"Pr0d-db-pw!\"\n", null)]
    public void CredentialsFilesOfEachKindAreUnderstood(string path, string content, string? secret)
    {
        var memory = new SecretMemory();
        memory.LearnFromToolOutput($"{{\"command\":\"cat ~/{path}\"}}", content);
        if (secret is not null)
        {
            Assert.True(memory.Contains(secret), string.Join(" ", path, content));
        }
        else
        {
            Assert.Equal(0, memory.Count); // not a credentials file by name and nothing a pattern knows
        }
    }

    [Fact]
    public void ASecretFirstSeenEncodedIsLearnedFromItsDecodedForm()
    {
        // base64 -w0 ~/.git-credentials and rev .env, run before anything was read in plain text.
        var creds = $"https://octocat:Sup3rS3cret!@github.com\nhttps://x:{Token}@github.com\n";
        var memory = new SecretMemory();
        memory.LearnFromToolOutput("{\"command\":\"base64 -w0 ~/.git-credentials\"}", Convert.ToBase64String(Encoding.UTF8.GetBytes(creds)));
        Assert.True(memory.Contains("Sup3rS3cret!"));
        Assert.True(memory.Contains(Token));

        var reversed = new SecretMemory();
        reversed.LearnFromToolOutput("{\"command\":\"rev .env\"}", string.Join('\n', Env.Split('\n').Select(l => new string(l.Reverse().ToArray()))));
        Assert.True(reversed.Contains(DbPassword));
        Assert.True(reversed.Contains(Token));

        var hex = new SecretMemory();
        hex.LearnFromToolOutput("{\"command\":\"xxd -p notes.txt\"}", Convert.ToHexStringLower(Encoding.UTF8.GetBytes($"token {Token}\n")));
        Assert.True(hex.Contains(Token));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("production")]
    [InlineData("12345678")]
    [InlineData("/home/user/.ssh/id_rsa")]
    [InlineData("https://example.com/path")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaa1")]
    public void ValuesThatAreNotSecretsAreNotRemembered(string value)
    {
        var memory = new SecretMemory();
        Assert.False(memory.Remember(value));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void AllowListedValuesAreNeitherRememberedNorRedacted()
    {
        var memory = new SecretMemory(new RedactionOptions([DbPassword, Redactor.Hash8(Token)]));
        Assert.False(memory.Remember(DbPassword));
        Assert.False(memory.Remember(Token));
    }

    [Fact]
    public void AMultiLineValueIsRememberedLineByLine()
    {
        var memory = new SecretMemory();
        memory.Remember("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9u\nZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx\n-----END OPENSSH PRIVATE KEY-----");
        Assert.Equal(2, memory.Count);
        Assert.True(memory.Contains("ZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx"));
    }

    [Theory]
    [InlineData(".env", true)]
    [InlineData("config/.env.production", true)]
    [InlineData("prod.env", true)]
    [InlineData("/home/u/.git-credentials", true)]
    [InlineData("~/.ssh/id_ed25519", true)]
    [InlineData("~/.ssh/id_ed25519.pub", false)]
    [InlineData("certs/server.pem", true)]
    [InlineData("/home/u/.docker/config.json", true)]
    [InlineData("package.json", false)]
    [InlineData("src/environment.ts", false)]
    [InlineData("README.md", false)]
    public void CredentialsFilesAreKnownByName(string path, bool expected)
    {
        Assert.Equal(expected, CredentialFiles.IsCredentialFile(path));
    }
}
