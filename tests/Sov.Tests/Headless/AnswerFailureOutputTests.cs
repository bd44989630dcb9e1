using System.Text.Json;
using Sov.Cli;
using Sov.Core;
using Sov.TestKit.Model;

namespace Sov.Tests.Headless;

/// <summary>
/// #13.5: an empty or truncated answer is a failure in every output format (exit 1, a warning, outcome not
/// "completed"); #13.4: a stalled stream ends the run naming the setting. In process, against the scripted server.
/// </summary>
public sealed class AnswerFailureOutputTests
{
    private sealed class Env(string home, IReadOnlyDictionary<string, string> settings) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : settings.GetValueOrDefault(name);
    }

    private static async Task<(int Exit, string Out, string Err)> ExecAsync(ScriptedResponse response, string format, Dictionary<string, string>? settings = null)
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Fallback = response;
        var workspace = Directory.CreateTempSubdirectory("sov-ws-");
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new Env(Directory.CreateTempSubdirectory("sov-home-").FullName, settings ?? []), output, error);
        var exit = await SovApp.RunAsync(
            ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "m", "-C", workspace.FullName, "--output-format", format, "hi"],
            context, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "empty", "text" }, { "empty", "json" }, { "empty", "stream-json" },
        { "length", "text" }, { "length", "json" }, { "length", "stream-json" },
    };

    private static ScriptedResponse Make(string kind) => kind == "empty"
        ? new ScriptedResponse().AddEmptyChoices(3).WithFinishReason(null)
        : ScriptedResponse.Text("cut in the mid").WithFinishReason("length");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnEmptyOrTruncatedAnswerFailsInEveryFormat(string kind, string format)
    {
        var (exit, output, error) = await ExecAsync(Make(kind), format);

        Assert.Equal(ExitCodes.Failed, exit);
        var expected = kind == "empty" ? "empty" : "token limit";
        switch (format)
        {
            case "text":
                Assert.Contains($"sov: warning: ", error, StringComparison.Ordinal);
                Assert.Contains(expected, error, StringComparison.Ordinal);
                Assert.Equal(kind == "empty" ? "" : "cut in the mid", output.Trim());
                break;
            case "json":
                using (var doc = JsonDocument.Parse(output))
                {
                    var root = doc.RootElement;
                    Assert.Equal("failed", root.GetProperty("outcome").GetString());
                    Assert.Equal(1, root.GetProperty("exit_code").GetInt32());
                    Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(expected, StringComparison.Ordinal));
                    Assert.Contains(expected, root.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
                }

                break;
            default:
                var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
                Assert.Contains(lines, l => l.GetProperty("type").GetString() == "warning" && l.GetProperty("message").GetString()!.Contains(expected, StringComparison.Ordinal));
                Assert.Contains(lines, l => l.GetProperty("type").GetString() == "turn_completed" && l.GetProperty("outcome").GetString() == "failed");
                Assert.Equal(1, lines[^1].GetProperty("exit_code").GetInt32());
                break;
        }
    }

    [Fact]
    public async Task EmptyDeltasForeverEndTheRunNamingTheIdleSetting()
    {
        // #13.4: empty deltas every 100 ms used to hang sov exec forever.
        var (exit, _, error) = await ExecAsync(
            ScriptedResponse.Text("a").WithFault(ScriptedFault.EmptyDeltasForever), "text", new() { ["SOV_IDLE_TIMEOUT_SECONDS"] = "0.5" });

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("no new text for 0.5 s", error, StringComparison.Ordinal);
        Assert.Contains("idle_timeout_seconds", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrickleEndsAtTheAnswerDeadlineNamingItsSetting()
    {
        var (exit, _, error) = await ExecAsync(
            ScriptedResponse.Text("a").WithFault(ScriptedFault.TrickleForever), "text", new() { ["SOV_ANSWER_TIMEOUT_SECONDS"] = "1" });

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("longer than 1 s", error, StringComparison.Ordinal);
        Assert.Contains("answer_timeout_seconds", error, StringComparison.Ordinal);
    }
}
