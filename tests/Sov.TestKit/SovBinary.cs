namespace Sov.TestKit;

/// <summary>
/// The published Native AOT <c>sov</c> binary that end-to-end tests drive. Uses <c>SOV_BIN</c> when set
/// (CI publishes once); otherwise publishes the repository's src/Sov.Cli once per test run into
/// artifacts/e2e/sov, under a file lock so parallel test assemblies share one build.
/// </summary>
public static class SovBinary
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Published.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Publish()
    {
        var given = Environment.GetEnvironmentVariable("SOV_BIN");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"SOV_BIN points at a missing file: {given}");
        }

        var outDir = System.IO.Path.Combine(RepositoryRoot, "artifacts", "e2e");
        Directory.CreateDirectory(outDir);
        using var lockFile = AcquireLock(System.IO.Path.Combine(outDir, ".lock"));
        var binary = System.IO.Path.Combine(outDir, "sov");
        var stamp = System.IO.Path.Combine(outDir, ".stamp");
        var sourceStamp = NewestSourceWrite().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (File.Exists(binary) && File.Exists(stamp) && File.ReadAllText(stamp) == sourceStamp)
        {
            return binary;
        }

        var publish = DotnetCommand.RunAsync(RepositoryRoot, ["publish", "src/Sov.Cli/Sov.Cli.csproj", "-c", "Release", "-r", "linux-x64", "-o", outDir, "-nologo"],
            TimeSpan.FromMinutes(30), CancellationToken.None).GetAwaiter().GetResult();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{publish.Stdout}\n{publish.Stderr}");
        }

        File.WriteAllText(stamp, sourceStamp);
        return binary;
    }

    private static DateTime NewestSourceWrite() =>
        new[] { "src", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt" }
            .Select(p => System.IO.Path.Combine(RepositoryRoot, p))
            .SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                : File.Exists(p) ? [p] : [])
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Sovereign.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Sovereign.slnx above the test binaries.");
    }
}
