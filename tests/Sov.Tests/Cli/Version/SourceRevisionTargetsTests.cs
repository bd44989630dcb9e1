using Sov.TestKit;

namespace Sov.Tests.Cli.Version;

/// <summary>
/// #20: src/Sov.Cli/SourceRevision.targets, the build step that fixes the commit and tree state in the binary, run by
/// MSBuild on a small project: the HEAD commit and "clean" in a clean repository, "dirty" with a change or an untracked
/// file, "unknown" outside a repository (a source archive) without failing the build, and values a build passes win.
/// </summary>
public sealed class SourceRevisionTargetsTests : IDisposable
{
    private static readonly string Targets = Path.Combine(SovBinary.RepositoryRoot, "src", "Sov.Cli", "SourceRevision.targets");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sov-source-revision-");

    public SourceRevisionTargetsTests() =>
        File.WriteAllText(Path.Combine(_dir.FullName, "probe.proj"), $"""
            <Project>
              <Import Project="{Targets}" />
              <Target Name="Probe" DependsOnTargets="SovSourceRevision">
                <Message Importance="high" Text="probe: $(SovCommit) $(SovTree) @(AssemblyMetadata->'%(Identity)=%(Value)', ',')" />
              </Target>
            </Project>
            """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Commit, string Tree)> EvaluateAsync(params string[] properties)
    {
        var result = await DotnetCommand.RunAsync(_dir.FullName, ["msbuild", "probe.proj", "-t:Probe", "-nologo", "-v:m", .. properties], TimeSpan.FromMinutes(2), Ct);
        Assert.True(result.ExitCode == 0, $"msbuild failed ({result.ExitCode}): {result.Stdout}{result.Stderr}");
        var line = result.Stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("probe: ", StringComparison.Ordinal));
        var parts = line.Split(' ');
        Assert.Equal($"SovCommit={parts[1]},SovTree={parts[2]}", parts[3]); // both go into the assembly's metadata
        return (parts[1], parts[2]);
    }

    private async Task<string> GitAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = _dir.FullName };
        foreach (var arg in (string[])["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        var result = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(30), "git " + args[0], Ct);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)} failed: {result.Stderr}");
        return result.Stdout.Trim();
    }

    private static bool HasGit() =>
        "/usr/local/bin:/usr/bin:/bin".Split(':').Any(d => File.Exists(Path.Combine(d, "git")));

    [Fact]
    public async Task OutsideARepositoryBothAreUnknownAndTheBuildSucceeds()
    {
        Assert.Equal(("unknown", "unknown"), await EvaluateAsync());
    }

    [Fact]
    public async Task ACleanRepositoryGivesItsHeadAndCleanAndAnyChangeMakesItDirty()
    {
        Assert.SkipUnless(HasGit(), "git is not installed");
        await GitAsync("init", "-q");
        await GitAsync("add", "probe.proj");
        await GitAsync("commit", "-q", "-m", "probe");
        var head = await GitAsync("rev-parse", "HEAD");

        Assert.Equal((head, "clean"), await EvaluateAsync());

        File.WriteAllText(Path.Combine(_dir.FullName, "untracked.cs"), "// compiled in if it were a project's source\n");
        Assert.Equal((head, "dirty"), await EvaluateAsync());
    }

    [Fact]
    public async Task ABuildFromASourceArchiveMayPassBoth()
    {
        var commit = new string('a', 40);
        Assert.Equal((commit, "clean"), await EvaluateAsync($"-p:SovCommit={commit}", "-p:SovTree=clean"));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
