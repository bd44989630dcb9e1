using System.Text.Json;
using Sov.Cli;
using Sov.Cli.Headless;
using Sov.Core;
using Sov.Core.Agent.Events;

namespace Sov.Tests.Headless;

/// <summary>
/// Issue #11 item 6 (terminal escapes in headless output): every string from the model or a tool, in every
/// field of every event, passes the text border in every output mode. Text mode shows hazards as markers;
/// JSON modes escape them, stay valid JSON and carry the exact string.
/// </summary>
public sealed class PrinterBorderTests
{
    private static readonly SessionInfo HostileSession = new(HostileText.Payload, HostileText.Payload, HostileText.Payload, [HostileText.Payload]);

    public static TheoryData<bool> ToolFails => [true, false];

    // Issue #11: a tool name, arguments, result, warning or error carrying OSC 52/OSC 8/title/C1/bidi/tags reached stderr raw.
    [Theory]
    [MemberData(nameof(ToolFails))]
    public void TheTextPrinterWritesNoHazardFromAnyField(bool failed)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var printer = new TextPrinter(output, error);
        printer.Start(HostileSession);
        foreach (var e in HostileText.EveryEvent())
        {
            printer.Print(e is ToolResult r ? r with { IsError = failed } : e);
        }

        printer.Print(new TurnCompleted(1, TurnOutcome.Interrupted, HostileText.Payload, 1));
        printer.Finish(0);

        InertOutput.Assert(output.ToString(), "stdout");
        InertOutput.Assert(error.ToString(), "stderr");
        Assert.Contains("⟦ESC⟧]52;c;cHduZWQ=⟦BEL⟧", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("> tool⟦ESC⟧]52", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("⟦U+202E RLO⟧", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("⟦U+E0041 TAG⟧", error.ToString(), StringComparison.Ordinal);
    }

    // Issue #11: stream-json must carry every field exactly, escaped, never raw (C1, bidi and tags included).
    [Fact]
    public void StreamJsonCarriesEveryFieldExactlyAndNothingRaw()
    {
        var output = new StringWriter();
        var printer = new StreamJsonPrinter(output);
        printer.Start(HostileSession);
        var events = HostileText.EveryEvent();
        foreach (var e in events)
        {
            printer.Print(e);
        }

        printer.Finish(0);
        var written = output.ToString();
        InertOutput.Assert(written, "stream-json");
        var lines = written.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(events.Count + 2, lines.Length);
        Assert.Equal(4, CountPayloads(lines[0])); // model, endpoint, workspace, the tool
        for (var i = 0; i < events.Count; i++)
        {
            Assert.True(HostileText.StringFields(events[i]) == CountPayloads(lines[i + 1]), $"{events[i].GetType().Name}: {lines[i + 1]}");
        }
    }

    // Issue #11: the json result object, built from every event, stays valid and inert.
    [Fact]
    public void TheJsonResultCarriesEveryFieldExactlyAndNothingRaw()
    {
        var output = new StringWriter();
        var printer = new JsonPrinter(output);
        printer.Start(HostileSession);
        foreach (var e in HostileText.EveryEvent())
        {
            printer.Print(e);
        }

        printer.Finish(1);
        InertOutput.Assert(output.ToString(), "json");
        // final_text, model, the call's id, name, arguments and output, one warning, error message and remedy.
        Assert.Equal(9, CountPayloads(output.ToString()));
    }

    // Issue #11: a failure before the session (its message may quote config or server text) in each JSON mode.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void APreSessionFailureIsInertJson(bool stream)
    {
        var format = stream ? OutputFormat.StreamJson : OutputFormat.Json;
        var output = new StringWriter();
        PreSessionFailure.Print(output, format, new SovException(HostileText.Payload, HostileText.Payload, ExitCodes.Environment));
        InertOutput.Assert(output.ToString(), format.ToString());
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(CountPayloads));
    }

    // Issue #11: an error message from the front door quoting what the person or a file gave (here an endpoint).
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("stream-json")]
    public async Task FrontDoorErrorsAreInert(string format)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new HomeOnly(Directory.CreateTempSubdirectory("sov-home-").FullName), output, error);
        var exit = await SovApp.RunAsync(["exec", "--output-format", format, "--endpoint", "ftp://x/" + HostileText.Payload, "hi"], context, TestContext.Current.CancellationToken);

        Assert.NotEqual(ExitCodes.Ok, exit);
        InertOutput.Assert(output.ToString(), "stdout");
        InertOutput.Assert(error.ToString(), "stderr");
        Assert.Contains("⟦ESC⟧", error.ToString(), StringComparison.Ordinal);
    }

    // Issue #11: a usage error echoes the unknown token.
    [Fact]
    public async Task UsageErrorsAreInert()
    {
        var error = new StringWriter();
        var context = new CliContext(new HomeOnly(Directory.CreateTempSubdirectory("sov-home-").FullName), new StringWriter(), error);
        var exit = await SovApp.RunAsync(["--bogus" + HostileText.Payload], context, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        InertOutput.Assert(error.ToString(), "stderr");
    }

    // Issue #11: text cut inside a surrogate pair (an unpaired surrogate) neither breaks the JSON nor reaches it raw.
    [Fact]
    public void AnUnpairedSurrogateKeepsJsonValid()
    {
        var output = new StringWriter();
        var printer = new StreamJsonPrinter(output);
        printer.Print(new ToolCallRequested("c", "cut\udb40", "{}", "native"));
        InertOutput.Assert(output.ToString(), "stream-json");
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.StartsWith("cut", doc.RootElement.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    private static int CountPayloads(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Count(doc.RootElement);
    }

    private static int Count(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() == HostileText.Payload ? 1 : 0,
        JsonValueKind.Object => e.EnumerateObject().Sum(p => Count(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Sum(Count),
        _ => 0,
    };

    private sealed class HomeOnly(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }
}
