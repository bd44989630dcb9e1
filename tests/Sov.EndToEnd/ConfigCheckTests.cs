using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>#14: the published binary reads config.toml through one typed loader: typos are warnings with file and line, wrong types exit 3.</summary>
public sealed class ConfigCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMisspeltTableAndKeyAreWarningsWithTheirLines()
    {
        var home = Directory.CreateTempSubdirectory("sov-e2e-config-").FullName;
        var file = Path.Combine(home, "config.toml");
        File.WriteAllText(file, "endpoint = \"http://127.0.0.1:9/v1\"\n[permisions]\ndeny = [\"shell:rm *\"]\n[permissions]\ndenyy = [\"x\"]\n");
        var result = await SovRun.RunAsync(["doctor"], sovHome: home, cancellationToken: Ct);
        Assert.Contains($"{file}:2: unknown table [permisions] (did you mean [permissions]?)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:5: unknown key 'denyy' in [permissions] (did you mean 'deny'?)", result.Stdout, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task AWrongTypeExitsThreeNamingKeyLineAndTypeInWords()
    {
        var home = Directory.CreateTempSubdirectory("sov-e2e-config-").FullName;
        var file = Path.Combine(home, "config.toml");
        File.WriteAllText(file, "model = \"m\"\n\n[permissions]\ndeny = \"shell:rm *\"\n");
        var result = await SovRun.RunAsync(["exec", "hi"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{file}:4: permissions.deny must be a list of strings, not \"shell:rm *\".", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Tomlyn", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("String", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }
}
