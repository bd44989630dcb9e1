using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Sandbox;

public sealed class DoctorCommandTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    [Fact]
    public async Task DoctorRunsTheRealSandboxAndReportsIt()
    {
        var home = Directory.CreateTempSubdirectory("sov-doctor-").FullName;
        try
        {
            var output = new StringWriter();
            var exit = await SovApp.RunAsync(["doctor"], new CliContext(new Env(home), output, new StringWriter()), TestContext.Current.CancellationToken);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("sandbox    ok: bubblewrap works", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
