using System.Text.Json;
using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Cli.Version;

/// <summary>
/// #20: <c>sov --version</c> and <c>sov version</c> print the version, the commit the binary was built from and whether
/// the tree was clean; <c>sov version --json</c> gives them as an object a script can check against its own rebuild.
/// </summary>
public sealed class VersionCommandTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }

    private Task<int> RunAsync(params string[] args) =>
        SovApp.RunAsync(args, new CliContext(new NoEnvironment(), _out, _error), TestContext.Current.CancellationToken);

    [Fact]
    public async Task TheVersionOptionPrintsVersionCommitAndTreeState()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("--version"));

        Assert.Matches(@"^\d+\.\d+\.\d+\S* \(commit ([0-9a-f]{12}|unknown), (clean|dirty|unknown)\)$", _out.ToString().TrimEnd('\n'));
        Assert.Equal(VersionInfo.Line + "\n", _out.ToString());
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task TheVersionCommandPrintsTheSameLineAndTheSbomDigest()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("version"));

        Assert.Equal(VersionInfo.Line + "\nsbom none\n", _out.ToString()); // the test build is made without an SBOM
    }

    [Fact]
    public async Task TheJsonGivesVersionFullCommitAndCleanAsABooleanOrNull()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("version", "--json"));

        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal(VersionInfo.Version, root.GetProperty("version").GetString());
        var commit = root.GetProperty("commit").GetString()!;
        Assert.Matches("^([0-9a-f]{40}|unknown)$", commit);
        Assert.Contains(commit == "unknown" ? "unknown" : commit[..12], VersionInfo.Line, StringComparison.Ordinal);
        var clean = root.GetProperty("clean");
        Assert.Equal(VersionInfo.Tree, clean.ValueKind switch
        {
            JsonValueKind.True => "clean",
            JsonValueKind.False => "dirty",
            JsonValueKind.Null => "unknown",
            _ => $"not a boolean: {clean}",
        });
        Assert.Equal("linux-x64", root.GetProperty("platform").GetString());
        Assert.Equal("none", root.GetProperty("sbom_digest").GetString()); // the packaging scripts build with an SBOM; tests without
    }

    [Fact]
    public void TheTreeStateAndCleanAgree()
    {
        Assert.Contains(VersionInfo.Tree, new[] { "clean", "dirty", "unknown" });
        Assert.Equal(VersionInfo.Tree switch { "clean" => true, "dirty" => false, _ => (bool?)null }, VersionInfo.Clean);
    }
}
