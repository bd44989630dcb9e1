using Sov.Core.Policy;
using Sov.TestKit;

namespace Sov.Tests.Packaging;

/// <summary>
/// #20: the example policy the package installs (/etc/sov/policy.toml.example) is valid when its settings are
/// uncommented, shows every key a policy may hold, and pins nothing as shipped.
/// </summary>
public sealed class PolicyExampleTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(SovBinary.RepositoryRoot, "packaging", "deb", "policy.toml.example"));

    private static string Uncommented() =>
        string.Join('\n', Example.Split('\n').Select(l => l.StartsWith("# ", StringComparison.Ordinal) ? l[2..] : l));

    [Fact]
    public void UncommentedItIsAValidPolicyWithoutWarnings()
    {
        var policy = PolicyParser.Parse("/etc/sov/policy.toml", Uncommented());
        Assert.Empty(policy.Warnings);
        Assert.NotNull(policy.MaxMode);
        Assert.NotEmpty(policy.Endpoints);
        Assert.NotNull(policy.McpServers);
    }

    [Fact]
    public void ItShowsEveryKeyAPolicyMayHold()
    {
        // A new policy key (PolicyKeys.Known) belongs in packaging/deb/policy.toml.example too, commented out.
        var policy = PolicyParser.Parse("/etc/sov/policy.toml", Uncommented());
        foreach (var key in PolicyKeys.Known.Where(k => !k.Contains('*', StringComparison.Ordinal)))
        {
            Assert.True(policy.Sources.ContainsKey(key), $"packaging/deb/policy.toml.example does not show the policy key '{key}'");
        }
    }

    [Fact]
    public void AsShippedItPinsNothing()
    {
        var policy = PolicyParser.Parse("/etc/sov/policy.toml.example", Example);
        Assert.Empty(policy.Warnings);
        Assert.Null(policy.MaxMode);
        Assert.Empty(policy.Endpoints);
        Assert.Null(policy.McpServers);
    }
}
