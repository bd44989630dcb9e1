using Sov.TestKit;

namespace Sov.EndToEnd.Packaging;

/// <summary>
/// #20: packaging/tool/build packs sov as a framework-dependent .NET tool into a folder that is a NuGet feed, with its
/// SBOM beside it; `dotnet tool install` from that feed alone (a config that clears every other source) gives a sov
/// that prints its version and the digest of that SBOM. One pack: a build of its own, a couple of minutes.
/// </summary>
public sealed class DotnetToolTests
{
    [Fact]
    public async Task TheToolInstallsFromTheLocalFeedAndReportsItsSbom()
    {
        var work = Directory.CreateTempSubdirectory("sov-tool-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var build = await PackagingRun.RunAsync("bash", ["packaging/tool/build", "--out", feed], TimeSpan.FromMinutes(20));
            PackagingRun.Succeeded(build, "packaging/tool/build");
            var package = build.Stdout.Trim().Split('\n')[^1];
            Assert.Matches(@"/sov\.[0-9][^/]*\.nupkg$", package);
            var sbom = Path.Combine(feed, Path.GetFileName(package)[..^".nupkg".Length] + ".cdx.json");
            Assert.True(File.Exists(sbom), $"no SBOM beside {package}");

            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config,
                $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>",
                TestContext.Current.CancellationToken);
            var tools = Path.Combine(work, "tools");
            var install = await PackagingRun.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", feed, "sov"],
                TimeSpan.FromMinutes(5), directory: work);
            PackagingRun.Succeeded(install, "dotnet tool install");

            var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
            var version = await PackagingRun.SovAsync(Path.Combine(tools, "sov"), home, "--version");
            PackagingRun.Succeeded(version, "sov --version (the tool)");
            Assert.Matches(@"^[0-9]+\.[0-9]+\.[0-9]+", version.Stdout.Trim());
            var json = await PackagingRun.SovAsync(Path.Combine(tools, "sov"), home, "version", "--json");
            PackagingRun.Succeeded(json, "sov version --json (the tool)");
            Assert.Contains($"\"sbom_digest\":\"{PackagingRun.Sha256(sbom)}\"", json.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
