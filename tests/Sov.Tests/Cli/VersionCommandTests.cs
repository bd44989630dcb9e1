using System.Text.Json;
using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Cli;

/// <summary>#20: <c>sov version --json</c> gives the version and the SBOM digest; a build made without an SBOM says "none".</summary>
public sealed class VersionCommandTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private static async Task<(int Exit, string Out)> Run(params string[] args)
    {
        var output = new StringWriter();
        var home = Directory.CreateTempSubdirectory("sov-version-").FullName;
        var exit = await SovApp.RunAsync(args, new CliContext(new Env(home), output, TextWriter.Null), TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task JsonGivesTheVersionAndTheSbomDigest()
    {
        var (exit, output) = await Run("version", "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(VersionInfo.Version, json.RootElement.GetProperty("version").GetString());
        Assert.Equal("none", json.RootElement.GetProperty("sbom_digest").GetString()); // the test build is made without an SBOM
    }

    [Fact]
    public async Task PlainPrintsTheVersionAndTheSbomLine()
    {
        var (exit, output) = await Run("version");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal($"sov {VersionInfo.Version}\nsbom none\n", output.Replace("\r", "", StringComparison.Ordinal));
    }
}
