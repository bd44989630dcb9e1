using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>`sov privacy` reports what is read and where requests may go, from the configuration in force.</summary>
public sealed class PrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsTheEnvironmentNamesFilesAndTheConfiguredHostsOnly()
    {
        var home = Directory.CreateTempSubdirectory("sov-e2e-privacy-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"),
            "endpoint = \"http://10.1.2.3:8000/v1\"\n[audit.export]\nendpoint = \"https://otel.corp.example:4318\"\n");
        var result = await SovRun.RunAsync(["privacy"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SOV_HOME", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Never read: proxy variables", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(home, "config.toml"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains("http://10.1.2.3:8000  model endpoint", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://otel.corp.example:4318  OpenTelemetry collector", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("proxy: none", result.Stdout, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task ListsEveryFolderSovereignWritesAndWhatEachHolds()
    {
        // #14: the journal was the only folder named; sessions, history, checkpoints and cache were not.
        var home = Directory.CreateTempSubdirectory("sov-e2e-privacy-").FullName;
        var result = await SovRun.RunAsync(["privacy"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        foreach (var folder in new[] { "sessions", "history", "checkpoints", "journal", "cache" })
        {
            Assert.Contains(Path.Combine(home, folder) + "\n", result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("your conversations", result.Stdout, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task ABadConfigValueIsAConfigErrorWithExitThree()
    {
        var home = Directory.CreateTempSubdirectory("sov-e2e-privacy-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), "[network]\nproxy = \"not a url\"\n");
        var result = await SovRun.RunAsync(["privacy"], sovHome: home, cancellationToken: Ct);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("network.proxy", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }
}
