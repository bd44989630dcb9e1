using System.Text.Json;
using Sov.Cli;
using Sov.Core;
using Sov.Core.Sessions;
using Sov.TestKit.Model;

namespace Sov.Tests.Headless;

/// <summary>
/// #14 (one session id): every line of stream-json and json's result carry the id of the session file
/// (the id <c>sov --resume</c> takes), and <c>--continue</c> keeps it. In process, against the scripted server.
/// </summary>
public sealed class SessionIdOutputTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private readonly string _home = Directory.CreateTempSubdirectory("sov-home-").FullName;
    private readonly string _workspace = Directory.CreateTempSubdirectory("sov-ws-").FullName;

    private async Task<string> ExecAsync(ScriptedModelServer server, string format, params string[] extra)
    {
        var output = new StringWriter();
        var context = new CliContext(new Env(_home), output, new StringWriter());
        var exit = await SovApp.RunAsync(
            ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "-C", _workspace, "--output-format", format, .. extra, "hi"],
            context, TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Ok, exit);
        return output.ToString();
    }

    private string OnlySessionId() => Assert.Single(SessionFile.List(Path.Combine(_home, "sessions"))).Id;

    [Fact]
    public async Task EveryStreamJsonLineAndTheJsonResultCarryTheSessionFilesId()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Fallback = ScriptedResponse.Text("done");

        var stream = await ExecAsync(server, "stream-json");
        var id = OnlySessionId();
        var lines = stream.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4);
        Assert.All(lines, line =>
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(id, doc.RootElement.GetProperty("session_id").GetString());
        });

        var json = await ExecAsync(server, "json", "--continue");
        using var result = JsonDocument.Parse(json);
        Assert.Equal(id, result.RootElement.GetProperty("session_id").GetString());
        Assert.Equal(id, OnlySessionId());
    }
}
