using System.Diagnostics;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>#15.1: install.sh shows the compiler's errors when the build fails, not only "publishing…".</summary>
public sealed class InstallScriptTests
{
    [Fact]
    public async Task ABrokenSourceFilePrintsTheCompilerErrorLineAndExits1()
    {
        var copy = Directory.CreateTempSubdirectory("sov-install-");
        try
        {
            // The tracked files of this checkout (as a fresh clone has them), then one broken file.
            var root = SovBinary.RepositoryRoot;
            var files = await Run("git", ["-C", root, "ls-files", "-z"], root);
            foreach (var file in files.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var target = Path.Combine(copy.FullName, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (File.Exists(Path.Combine(root, file)))
                {
                    File.Copy(Path.Combine(root, file), target);
                }
            }

            await File.WriteAllTextAsync(Path.Combine(copy.FullName, "src", "Sov.Core", "BrokenOnPurpose.cs"),
                "namespace Sov.Core;\ninternal static class BrokenOnPurpose { public static int X() => \"text\"; }\n", TestContext.Current.CancellationToken);

            var install = await Run("bash", ["install.sh"], copy.FullName, new() { ["SOV_SKIP_APT"] = "1", ["PREFIX"] = Path.Combine(copy.FullName, "prefix") });
            Assert.Equal(1, install.ExitCode);
            Assert.Contains("BrokenOnPurpose.cs(2,", install.Stderr, StringComparison.Ordinal);
            Assert.Contains("error CS0029", install.Stderr, StringComparison.Ordinal);
            Assert.Contains("install: the build failed", install.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(copy.FullName, "prefix", "bin", "sov")));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static Task<SovResult> Run(string program, string[] args, string directory, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (k, v) in environment ?? [])
        {
            start.Environment[k] = v;
        }

        return ChildProcess.RunAsync(start, "", TimeSpan.FromMinutes(8), $"{program} {string.Join(' ', args)}", TestContext.Current.CancellationToken);
    }
}
