using Sov.Cli;
using Sov.Cli.Commands;
using Sov.Core;
using Sov.Core.Policy;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// Review of #20 and #18: <c>sov acp</c> ran its sessions on a fresh context that read no managed policy, so an editor's
/// sessions had no mode cap, endpoint or model list, MCP allow-list, added rules or redaction patterns.
/// </summary>
public sealed class AcpCommandTests
{
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }

    [Fact]
    public void TheSessionsContextCarriesTheManagedPolicyAndWritesOnlyToStderr()
    {
        var policy = PolicyParser.Parse("/etc/sov/policy.toml", "[permissions]\nmax_mode = \"ask\"\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new NoEnvironment(), output, error) { PolicySource = () => policy };

        var quiet = AcpCommand.Quiet(context);

        Assert.Same(policy, quiet.Policy);
        Assert.Same(error, quiet.Out);
        Assert.Same(error, quiet.Error);
    }
}
