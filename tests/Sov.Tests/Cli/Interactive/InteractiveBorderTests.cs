using Sov.Borders.FileSystem;
using System.Text.Json;
using Sov.Cli.Interactive;
using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Tests.Headless;

using Sov.Tests.Tools;

namespace Sov.Tests.Cli.Interactive;

/// <summary>
/// Issue #11 item 6 in the terminal UI: every field of every event, the diff preview, the approval prompt and
/// the echo of piped input reach the terminal only as visible text, colour on or off. With colour on, the
/// only escape sequences written are the UI's own (SGR, erase line, cursor back).
/// </summary>
public sealed class InteractiveBorderTests
{
    public static TheoryData<bool> Colour => [true, false];

    // Issue #11: tool names, arguments, results, paths, warnings, errors with OSC 52/8/0, C1, bidi, tags.
    [Theory]
    [MemberData(nameof(Colour))]
    public void TheTurnViewShowsEveryEventInert(bool colour)
    {
        var (screen, view) = View(colour);
        view.Begin();
        foreach (var e in HostileText.EveryEvent())
        {
            view.Show(e);
        }

        view.Show(new ToolResult("c", HostileText.Payload, HostileText.Payload, IsError: false));
        view.Show(new TurnCompleted(1, TurnOutcome.Interrupted, HostileText.Payload, 1));
        AssertInert(screen, colour);
        Assert.Contains("⟦ESC⟧]52;c;cHduZWQ=⟦BEL⟧", screen.ToString(), StringComparison.Ordinal);
    }

    // Issue #11: the diff preview of a write shows a hostile path and content inert.
    [Theory]
    [MemberData(nameof(Colour))]
    public void TheDiffPreviewIsInert(bool colour)
    {
        var (screen, view) = View(colour);
        var arguments = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["path"] = "x\e]0;title\a\u202Etxt.exe\U000E0041",
            ["content"] = HostileText.Payload,
        });
        view.Show(new ToolCallRequested("c", "write_file", arguments, "native"));
        AssertInert(screen, colour);
        Assert.Contains("+++ b/x⟦ESC⟧]0;title⟦BEL⟧", screen.ToString(), StringComparison.Ordinal);
    }

    // Issue #11: the approval prompt (header, reason, arguments, the rule added) shows everything inert.
    [Theory]
    [MemberData(nameof(Colour))]
    public void TheApprovalPromptIsInert(bool colour)
    {
        var (screen, surface) = Surface(colour);
        var workspace = new Workspace(Directory.CreateTempSubdirectory("sov-ws-").FullName, new NativeFileSystem());
        var policy = new PermissionPolicy(PermissionMode.Ask, PermissionRules.Parse([], [], []), sandboxAvailable: true);
        var gate = new InteractivePermissionGate(new PolicyPermissionGate(policy, workspace, headless: false), workspace);
        var prompt = new ApprovalPrompt(surface, new Answers("a"), gate);

        prompt.Ask(new ApprovalRequested("c", HostileText.Payload, HostileText.Payload, HostileText.Payload));
        prompt.Ask(new ApprovalRequested("c", "shell", HostileText.Payload, HostileText.Payload));

        prompt.Ask(new ApprovalRequested("c", "shell", "echo \u2028\u009b", "ask"));

        AssertInert(screen, colour);
        Assert.Equal(3, screen.ToString().Split("hidden characters were revealed").Length - 1);
    }

    // Issue #11: without a terminal each piped line is echoed; a line from a hostile file must not act on the terminal.
    [Fact]
    public void PipedInputIsEchoedInert()
    {
        var screen = new StringWriter();
        var input = new PipedInput(new StringReader(HostileText.Payload.Replace("\r\n", " ", StringComparison.Ordinal) + "\n"), screen);
        Assert.Equal(EditorOutcome.Submit, input.Read("> ").Outcome);
        InertOutput.Assert(screen.ToString(), "echo");
    }

    // Issue #11: the surface is the one door to the terminal for banners, slash-command output and the status line.
    [Theory]
    [MemberData(nameof(Colour))]
    public void TheSurfaceWritesEveryStyleInert(bool colour)
    {
        var (screen, surface) = Surface(colour);
        foreach (var style in Enum.GetValues<Style>())
        {
            surface.WriteLine(HostileText.Payload, style);
        }

        AssertInert(screen, colour);
    }

    private static (StringWriter Screen, TerminalSurface Surface) Surface(bool colour)
    {
        var screen = new StringWriter();
        return (screen, new TerminalSurface(screen, colour, () => 80));
    }

    private static (StringWriter Screen, TurnView View) View(bool colour)
    {
        var (screen, surface) = Surface(colour);
        var workspace = new Workspace(Directory.CreateTempSubdirectory("sov-ws-").FullName, new NativeFileSystem());
        return (screen, new TurnView(surface, workspace, SessionTools.For(workspace)));
    }

    private static void AssertInert(StringWriter screen, bool colour)
    {
        var written = screen.ToString();
        if (!colour)
        {
            Assert.DoesNotContain('\e', written);
        }

        InertOutput.Assert(InertOutput.WithoutOwnSequences(written), colour ? "terminal (colour)" : "terminal (NO_COLOR)");
    }

    private sealed class Answers(string answer) : IPromptInput
    {
        public EditorResult Read(string prompt) => new(EditorOutcome.Submit, answer);

        public int Open() => 0;

        public int Hold() => 0;

        public EditorResult Answer(string prompt) => Read(prompt);

        public EditorResult Choose(string prompt, string choices) => Read(prompt);
    }
}
