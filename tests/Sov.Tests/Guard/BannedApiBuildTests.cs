using Sov.TestKit;

namespace Sov.Tests.Guard;

/// <summary>
/// Builds a copy of Sov.Core with a deliberate use of outside-touching APIs and proves the build
/// fails with RS0030 on each line: the border is enforced by the compiler, not by review.
/// </summary>
public sealed class BannedApiBuildTests
{
    private const string Probe = """
        namespace Sov.Core;
        internal static class Probe
        {
            public static object A() => System.TimeZoneInfo.Local;
            public static object B() => new System.Net.Http.HttpClient();
            public static object C() => System.Net.Dns.GetHostName();
            public static object D() => System.Environment.GetEnvironmentVariable("HTTPS_PROXY")!;
            public static object E() => System.Environment.UserName;
            public static object F() => System.Diagnostics.Process.Start("sh")!;
            [System.Runtime.InteropServices.DllImport("libc")] public static extern int G(); // #14: native code
        }
        """;

    [Fact]
    public async Task UsingTheLocalTimeZoneInSovCoreFailsTheBuild()
    {
        var root = FindRoot();
        var copy = Directory.CreateTempSubdirectory("sov-banned-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(copy, file));
            }

            var core = Path.Combine(copy, "src", "Sov.Core");
            CopyTree(Path.Combine(root, "src", "Sov.Core"), core);
            await File.WriteAllTextAsync(Path.Combine(core, "Probe.cs"), Probe, TestContext.Current.CancellationToken);

            var result = await DotnetCommand.RunAsync(copy, ["build", Path.Combine(core, "Sov.Core.csproj"), "-nologo", "-v:q"],
                TimeSpan.FromMinutes(15), TestContext.Current.CancellationToken);
            var (exit, output) = (result.ExitCode, result.Stdout + result.Stderr);

            Assert.NotEqual(0, exit);
            foreach (var line in new[] { 4, 5, 6, 7, 8, 9, 10 })
            {
                Assert.Contains($"Probe.cs({line},", output, StringComparison.Ordinal);
            }

            Assert.Contains("error RS0030", output, StringComparison.Ordinal);
            Assert.Contains("TimeZoneInfo.Local", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sovereign.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
