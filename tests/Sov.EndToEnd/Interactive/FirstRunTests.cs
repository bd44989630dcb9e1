using Sov.TestKit;

namespace Sov.EndToEnd.Interactive;

/// <summary>#15.2: the first run with no model endpoint, on a real terminal and without one.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task OnATerminalItExits3WithAConfigHintThatDoctorAcceptsOncePasted()
    {
        Assert.SkipUnless(TmuxSession.Available, "tmux is not installed (.ci/run installs it)");
        var workspace = Directory.CreateTempSubdirectory("sov-first-ws-");
        var home = Directory.CreateTempSubdirectory("sov-first-home-");
        try
        {
            // Its own network namespace: loopback down, so no server on the probed ports can answer.
            await using (var t = await TmuxSession.StartAsync(
                ["unshare", "-rn", "/bin/sh", "-c", "\"$0\"; echo \"[sov exited $?]\"", SovBinary.Path],
                workspace.FullName,
                new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["SOV_HOME"] = home.FullName, ["TERM"] = "xterm-256color" }))
            {
                var screen = await t.WaitForTextAsync("[sov exited");
                Assert.Contains("[sov exited 3]", screen, StringComparison.Ordinal);
                Assert.Contains("No model endpoint is configured", screen, StringComparison.Ordinal);
                var configFile = Path.Combine(home.FullName, "config.toml");
                Assert.Contains($"Or set it once in {configFile}:", screen, StringComparison.Ordinal);

                // Paste what the screen shows, line by line, as a newcomer would.
                var hint = screen.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("endpoint = ", StringComparison.Ordinal) || l.StartsWith("model = ", StringComparison.Ordinal)).ToList();
                Assert.Equal(2, hint.Count);
                await File.WriteAllLinesAsync(configFile, hint, TestContext.Current.CancellationToken);
            }

            var doctor = await SovRun.RunAsync(["doctor"], home.FullName, workspace.FullName, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Contains("config     ok:", doctor.Stdout, StringComparison.Ordinal);
            Assert.Contains("model", doctor.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            workspace.Delete(recursive: true);
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WithoutATerminalOrInputItSaysTheEndpointIsMissingAndExits3()
    {
        var workspace = Directory.CreateTempSubdirectory("sov-first-ws-");
        try
        {
            var run = await SovRun.RunAsync([], workingDirectory: workspace.FullName, stdin: "", cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("No model endpoint is configured", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("endpoint = \"http://127.0.0.1:8000/v1\"", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }
}
