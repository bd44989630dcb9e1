using Sov.Cli;
using Sov.Core;
using Sov.TestKit.Model;

namespace Sov.Tests.Cli;

/// <summary>#15.4: <c>sov doctor</c> checks everything a session needs and exits 3 when something needs fixing.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("sov-doctor-").FullName;

    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private async Task<(int Exit, string Out)> Doctor(string? config, params string[] extra)
    {
        if (config is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_home, "config.toml"), config, TestContext.Current.CancellationToken);
        }

        var output = new StringWriter();
        var exit = await SovApp.RunAsync(["doctor", .. extra], new CliContext(new Env(_home), output, new StringWriter()), TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task AllGoodAgainstARealServerExitsZeroAndReportsEveryCheck()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var (exit, output) = await Doctor($"endpoint = \"{server.BaseUrl}\"\nmodel = \"scripted-model\"\ncontext_window = 16384\n");
        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines =
        [
            "config     ok:", "journal    ok:", $"endpoint   ok: {server.BaseUrl}", "model      ok: scripted-model",
            "context    ok: 16,384 tokens", "sandbox    ok: bubblewrap works",
        ];
        Assert.All(lines, line => Assert.Contains(line, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheContextWindowIsTheOneTheServerSays()
    {
        // #16: learnt from llama.cpp's /props, not guessed from the model's name; a larger context_window is warned about.
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Route("GET", "/props", """{"default_generation_settings":{"n_ctx":4096}}""");
        var (_, output) = await Doctor($"endpoint = \"{server.BaseUrl}\"\nmodel = \"scripted-model\"\ncontext_window = 16384\n");
        Assert.Contains("context    WARN: 4,096 tokens (llama.cpp: /props n_ctx); context_window 16,384 is larger", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidConfigExits3AndSaysWhere()
    {
        var (exit, output) = await Doctor("endpoint = \"http://127.0.0.1:8000/v1\"  model = \"m\"\n");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("config     BAD:", output, StringComparison.Ordinal);
        Assert.Contains("line 1, column", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidTableDeeperInTheConfigIsFoundToo()
    {
        var (exit, output) = await Doctor("[mcp]\nservers = 3\n");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("config     BAD:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTypeIsBadWithFileLineAndKeyAndAMisspeltTableIsAWarningWithItsLine()
    {
        // #14: doctor reads through the one loader
        var (exit, output) = await Doctor("model = \"m\"\n[permissions]\ndeny = \"x\"\n");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("config     BAD: ", output, StringComparison.Ordinal);
        Assert.Contains("config.toml:3: permissions.deny must be a list of strings, not \"x\".", output, StringComparison.Ordinal);

        (_, output) = await Doctor("endpoint = \"http://127.0.0.1:9/v1\"\n[permisions]\ndeny = [\"shell:rm *\"]\n");
        Assert.Contains("config.toml:2: unknown table [permisions] (did you mean [permissions]?)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecWithAWrongTypeExits3NamingKeyAndLineAndNoLibraryType()
    {
        await File.WriteAllTextAsync(Path.Combine(_home, "config.toml"), "model = \"m\"\nmax_turns = \"ten\"\n", TestContext.Current.CancellationToken);
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(["exec", "hi"], new CliContext(new Env(_home), new StringWriter(), error), TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("config.toml:2: max_turns must be a positive whole number, not \"ten\".", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tomlyn", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("String", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKeysAreNamedAndAnUnservedModelIsBad()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var (exit, output) = await Doctor($"endpoint = \"{server.BaseUrl}\"\nmodel = \"not-served\"\nmax_turn = 4\n");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("config.toml:3: unknown key 'max_turn' (did you mean 'max_turns'?)", output, StringComparison.Ordinal); // #14: with its line
        Assert.Contains("model      BAD: 'not-served' is not among the models", output, StringComparison.Ordinal);
        Assert.Contains("scripted-model", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointWhereNothingListensIsBadWithTheReason()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port that was just free: nothing listens there now
        var (exit, output) = await Doctor($"endpoint = \"http://127.0.0.1:{port}/v1\"\n");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("endpoint   BAD:", output, StringComparison.Ordinal);
        Assert.Contains("connection refused", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
