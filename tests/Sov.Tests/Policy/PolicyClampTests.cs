using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>#20: the policy laid over the config only tightens: the mode is capped (and said so), rules added, servers and variables cut, export forced.</summary>
public sealed class PolicyClampTests
{
    private const string User = """
        [permissions]
        mode = "full-auto"
        allow = ["shell:git push*"]
        env = ["GOPATH", "AWS_PROFILE"]

        [mcp.servers.docs]
        url = "https://docs.corp.example/mcp"

        [mcp.servers.files]
        command = "/home/me/evil-files"

        [mcp.servers.other]
        command = "/usr/bin/other"

        [audit.export]
        endpoint = "http://127.0.0.1:9999"
        """;

    private static SovConfig Clamped() =>
        PolicyClamp.Apply(SovConfigReader.FromText(User, "/home/me/config.toml"), PolicyParser.Parse("/etc/sov/policy.toml", PolicySamples.Full));

    [Fact]
    public void FullAutoFromTheUserConfigRunsInAutoEditAndSaysSoNamingThePolicy()
    {
        var settings = PermissionSettings.From(Clamped(), modeFlag: null);
        Assert.Equal(PermissionMode.AutoEdit, settings.Mode);
        Assert.Equal("the managed policy /etc/sov/policy.toml:6 allows at most auto-edit: running in auto-edit, not full-auto (from your config).", settings.PolicyNote);
    }

    [Fact]
    public void AModeFlagIsCappedToo()
    {
        var settings = PermissionSettings.From(Clamped(), modeFlag: "full-auto");
        Assert.Equal(PermissionMode.AutoEdit, settings.Mode);
        Assert.Contains("(from --mode)", settings.PolicyNote, StringComparison.Ordinal);
        Assert.Null(PermissionSettings.From(Clamped(), modeFlag: "ask").PolicyNote);
    }

    [Fact]
    public void ThePolicysRulesAreAddedAndItsAskBeatsTheUsersAllow()
    {
        var settings = PermissionSettings.From(Clamped(), modeFlag: null);
        Assert.Contains(settings.Rules.Deny, r => r.ToString() == "read:**/.env");
        var policy = new PermissionPolicy(settings.Mode, settings.Rules, true);
        Assert.Equal(Verdict.Ask, policy.DecideShell("git push origin main").Verdict);
    }

    [Fact]
    public void CommandsReceiveOnlyTheVariablesThePolicyAllows() =>
        Assert.Equal(["GOPATH"], PermissionSettings.From(Clamped(), modeFlag: null).Environment);

    [Fact]
    public void McpServersNotAllowedOrNotAsPinnedAreDroppedWithAWarning()
    {
        var config = Clamped();
        Assert.Equal(["docs"], config.McpServers.Select(s => s.Name));
        Assert.Contains(config.Warnings, w => w.StartsWith("MCP server 'files' is not started: the managed policy /etc/sov/policy.toml:", StringComparison.Ordinal)
            && w.EndsWith("(it must be command /usr/bin/mcp-files).", StringComparison.Ordinal));
        Assert.Contains(config.Warnings, w => w.StartsWith("MCP server 'other' is not started", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePolicysAuditExportReplacesTheUsers() =>
        Assert.Equal("http://127.0.0.1:4318/", Clamped().AuditExport.Endpoint!.ToString());

    [Fact]
    public void NoPolicyChangesNothing()
    {
        var config = SovConfigReader.FromText(User, "/home/me/config.toml");
        Assert.Same(config, PolicyClamp.Apply(config, ManagedPolicy.None));
        Assert.Equal(PermissionMode.FullAuto, PermissionSettings.From(config, null).Mode);
    }

    [Fact]
    public void EndpointsAreComparedByOriginAndModelsByName()
    {
        var policy = PolicyParser.Parse("/etc/sov/policy.toml", "[model]\nendpoints = [\"http://10.0.0.5:8000/v1\"]\nmodels = [\"qwen3\"]\n");
        Assert.True(policy.AllowsEndpoint(new Uri("http://10.0.0.5:8000/other/v1")));
        Assert.False(policy.AllowsEndpoint(new Uri("http://10.0.0.5:8001/v1")));
        Assert.False(policy.AllowsEndpoint(new Uri("https://10.0.0.5:8000/v1")));
        var e = Assert.Throws<ConfigException>(() => policy.CheckEndpoint(new Uri("http://model.corp.example:8000/v1")));
        Assert.Contains("not allowed by the managed policy /etc/sov/policy.toml:2", e.Message, StringComparison.Ordinal);
        Assert.Null(policy.ModelRefusal("qwen3"));
        Assert.Contains("'gpt' is not allowed by the managed policy /etc/sov/policy.toml:3", policy.ModelRefusal("gpt"), StringComparison.Ordinal);
        Assert.True(ManagedPolicy.None.AllowsEndpoint(new Uri("http://anything:1")));
    }
}
