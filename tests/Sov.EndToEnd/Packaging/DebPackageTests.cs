using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd.Packaging;

/// <summary>
/// #20: packaging/deb/build makes a .deb of the published sov (SOV_BIN's, so no second publish) with its SBOM beside
/// it; installed with dpkg into a private root (--root: the system is never touched), the installed sov prints its
/// version and runs doctor, the completions parse, and dpkg -r leaves only the conffile under /etc/sov/. Runs as root
/// and as an ordinary user (dpkg --force-not-root into the private root).
/// </summary>
public sealed class DebPackageTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task TheDebInstallsRunsAndRemovesLeavingOnlyEtcSov()
    {
        var work = Directory.CreateTempSubdirectory("sov-deb-").FullName;
        try
        {
            var build = await PackagingRun.RunAsync("bash", ["packaging/deb/build", "--binary", SovBinary.Path, "--out", Path.Combine(work, "out")], Long);
            PackagingRun.Succeeded(build, "packaging/deb/build");
            var deb = build.Stdout.Trim().Split('\n')[^1];
            Assert.Matches(@"/sov_[0-9][^_]*_amd64\.deb$", deb);

            // The SBOM beside the package, and the same bytes inside it.
            var sbom = Path.ChangeExtension(deb, ".cdx.json");
            using (var bom = JsonDocument.Parse(await File.ReadAllTextAsync(sbom, TestContext.Current.CancellationToken)))
            {
                Assert.Equal("CycloneDX", bom.RootElement.GetProperty("bomFormat").GetString());
                Assert.Contains(bom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "System.CommandLine");
            }

            var info = await PackagingRun.RunAsync("dpkg-deb", ["--info", deb], TimeSpan.FromMinutes(1));
            Assert.Contains("Depends: libc6 (>= 2.34), bubblewrap", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("/etc/sov/policy.toml.example", info.Stdout, StringComparison.Ordinal); // the conffile

            var root = Path.Combine(work, "root");
            var admin = Path.Combine(root, "var", "lib", "dpkg");
            foreach (var dir in new[] { "info", "updates", "triggers" })
            {
                Directory.CreateDirectory(Path.Combine(admin, dir));
            }

            await File.WriteAllTextAsync(Path.Combine(admin, "status"), "", TestContext.Current.CancellationToken);
            // Into the private root only: its own database, its own log; as an ordinary user too (files then owned by them).
            string[] dpkg = [$"--root={root}", $"--log={Path.Combine(work, "dpkg.log")}", "--force-depends", .. PackagingRun.IsRoot ? Array.Empty<string>() : ["--force-not-root"]];
            var dpkgEnvironment = new Dictionary<string, string> { ["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin", ["HOME"] = work };
            PackagingRun.Succeeded(await PackagingRun.RunAsync("dpkg", [.. dpkg, "-i", deb], Long, dpkgEnvironment), "dpkg -i");

            var installed = Path.Combine(root, "usr", "bin", "sov");
            var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
            var version = await PackagingRun.SovAsync(installed, home, "--version");
            PackagingRun.Succeeded(version, "sov --version");
            Assert.StartsWith((await SovRun.RunAsync(["--version"], cancellationToken: TestContext.Current.CancellationToken)).Stdout.Trim(), version.Stdout.Trim(), StringComparison.Ordinal);

            var doctor = await PackagingRun.SovAsync(installed, home, "doctor", "--endpoint", "http://127.0.0.1:9/v1");
            Assert.Contains(doctor.ExitCode, new[] { 0, 1, 3 });
            Assert.Contains("sandbox", doctor.Stdout + doctor.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("internal error", doctor.Stderr, StringComparison.Ordinal);

            Assert.True(File.Exists(Path.Combine(root, "usr", "share", "man", "man1", "sov.1.gz")));
            Assert.Equal(await File.ReadAllBytesAsync(sbom, TestContext.Current.CancellationToken),
                await File.ReadAllBytesAsync(Path.Combine(root, "usr", "share", "doc", "sov", "sbom.cdx.json"), TestContext.Current.CancellationToken));
            PackagingRun.Succeeded(await PackagingRun.RunAsync("bash", ["-n", Path.Combine(root, "usr", "share", "bash-completion", "completions", "sov")], TimeSpan.FromMinutes(1)), "bash -n");

            PackagingRun.Succeeded(await PackagingRun.RunAsync("dpkg", [.. dpkg, "-r", "sov"], Long, dpkgEnvironment), "dpkg -r");
            var left = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => !f.StartsWith("var/lib/dpkg/", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(["etc/sov/policy.toml.example"], left);
            Assert.False(Directory.Exists(Path.Combine(root, "usr", "bin")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, "usr", "bin")).Any());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
