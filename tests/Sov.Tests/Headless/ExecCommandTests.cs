using Sov.Cli;
using Sov.Core;
using Sov.TestKit.Model;

namespace Sov.Tests.Headless;

/// <summary><c>sov exec</c> and <c>sov prompt</c> through the front door, in process, against the scripted server.</summary>
public sealed class ExecCommandTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private static CliContext Context(StringWriter output, StringWriter error) =>
        new(new Env(Directory.CreateTempSubdirectory("sov-home-").FullName), output, error);

    [Fact]
    public async Task CancellingInterruptsTheTurnAndExits130()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Enqueue(ScriptedResponse.Text("never").WithFirstByteDelay(TimeSpan.FromMinutes(5)));
        var workspace = Directory.CreateTempSubdirectory("sov-ws-");
        var output = new StringWriter();
        var error = new StringWriter();
        using var cancel = new CancellationTokenSource();

        var run = SovApp.RunAsync(
            ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "-C", workspace.FullName, "hi"],
            Context(output, error),
            cancel.Token);
        await server.WhenChatRequests(1).WaitAsync(TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        Assert.Equal(ExitCodes.Interrupted, await run);
        Assert.Contains("interrupted", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task PromptShowPrintsTheTemplateVerbatim()
    {
        var output = new StringWriter();
        var exit = await SovApp.RunAsync(["prompt", "show"], Context(output, new StringWriter()), TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(Sov.Core.Prompts.SystemPrompt.Template, output.ToString());
    }

    [Fact]
    public async Task ABadEndpointFlagIsTwoLinesAndExitTwo()
    {
        // #15.8: a bad value on the command line is a usage error (exit 2), as the README says.
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(["exec", "--endpoint", "ftp://x", "hi"], Context(new StringWriter(), error), TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Usage, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("ftp://x", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASilentOpenStdinDoesNotHangATaskGivenAsAnArgument()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var workspace = Directory.CreateTempSubdirectory("sov-ws-");
        var output = new StringWriter();
        var error = new StringWriter();
        using var silent = new SilentReader();
        var context = new CliContext(new Env(Directory.CreateTempSubdirectory("sov-home-").FullName), output, error) { Input = silent };

        var exit = await SovApp.RunAsync(["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "-C", workspace.FullName, "say hello"],
            context, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("sent nothing", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Hello", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipedStdinIsTheTaskWhenNoArgumentIsGiven()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var workspace = Directory.CreateTempSubdirectory("sov-ws-");
        var context = new CliContext(new Env(Directory.CreateTempSubdirectory("sov-home-").FullName), new StringWriter(), new StringWriter())
        {
            Input = new StringReader("explain the build\n"),
        };

        var exit = await SovApp.RunAsync(["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "-C", workspace.FullName], context, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("explain the build", Assert.Single(server.ChatRequests).Body, StringComparison.Ordinal);
    }
}
