using System.Security.Cryptography;
using System.Text;
using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>#20: the managed policy file is read with the config's typed reader: every key typed, unknown keys warned with file:line, bad values exit 3.</summary>
public sealed class PolicyParserTests
{
    private const string Path = "/etc/sov/policy.toml";

    [Fact]
    public void EveryKeyIsReadWithTheLineThatSetIt()
    {
        var policy = PolicyParser.Parse(Path, PolicySamples.Full);
        Assert.Equal(PermissionMode.AutoEdit, policy.MaxMode);
        Assert.True(policy.RequireSandbox);
        Assert.Equal(["shell:git push*"], policy.Ask);
        Assert.Equal(["read:**/.env"], policy.Deny);
        Assert.Equal(["GOPATH"], policy.Environment!);
        Assert.Equal("http://10.0.0.5:8000/v1", Assert.Single(policy.Endpoints).ToString());
        Assert.Equal(["qwen3-coder"], policy.Models);
        Assert.Equal(["docs", "files"], policy.McpServers!.Select(s => s.Name));
        Assert.Equal("/usr/bin/mcp-files", policy.McpServers![1].Command);
        Assert.Equal(["ACME-[0-9]{8}"], policy.RedactionPatterns);
        Assert.Equal("http://127.0.0.1:4318/", policy.AuditExport!.ToString());
        Assert.False(policy.AllowUserHooks);
        Assert.Equal(["docs.corp.example"], policy.WebHosts!);
        Assert.Equal($"{Path}:6", policy.Sources["permissions.max_mode"]);
        Assert.Equal($"{Path}:2", policy.Sources["model.endpoints"]);
        Assert.Empty(policy.Warnings);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PolicySamples.Full))), policy.Sha256);
        Assert.Contains($"{Path}:6", policy.Cite("permissions.max_mode"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPolicyPinsNothingButIsInForce()
    {
        var policy = PolicyParser.Parse(Path, "");
        Assert.True(policy.InForce);
        Assert.Null(policy.MaxMode);
        Assert.Null(policy.McpServers);
        Assert.Null(policy.Environment);
        Assert.Empty(policy.Endpoints);
    }

    [Fact]
    public void AnEmptyMcpTableAllowsNoServer()
    {
        Assert.Empty(PolicyParser.Parse(Path, "[mcp]\n").McpServers!);
    }

    [Fact]
    public void UnknownKeysAreWarnedWithFileAndLine()
    {
        var policy = PolicyParser.Parse(Path, "[permissions]\nmax_mod = \"ask\"\n");
        Assert.Equal([$"{Path}:2: unknown key 'max_mod' in [permissions] (did you mean 'max_mode'?)"], policy.Warnings);
        Assert.Null(policy.MaxMode);
    }

    [Theory]
    [InlineData("[permissions]\nmax_mode = \"bypass\"\n", ":2:")]
    [InlineData("[permissions]\nmax_mode = 3\n", ":2:")]
    [InlineData("[permissions]\n\ndeny = [\"nonsense\"]\n", ":3:")]
    [InlineData("[model]\nendpoints = [\"ftp://x\"]\n", ":2:")]
    [InlineData("[model]\nendpoints = [\"http://u:p@host:1/v1\"]\n", ":2:")]
    [InlineData("[redaction]\npatterns = [\"(unclosed\"]\n", ":2:")]
    [InlineData("[mcp.servers.x]\nurl = \"file:///etc/passwd\"\n", ":2:")]
    [InlineData("this is not toml", "")]
    public void ABadValueIsExitThreeNamingFileAndLine(string text, string line)
    {
        var e = Assert.Throws<ConfigException>(() => PolicyParser.Parse(Path, text));
        Assert.Equal(Sov.Core.ExitCodes.Environment, e.ExitCode);
        Assert.Contains(Path + line, e.Message, StringComparison.Ordinal);
    }
}
