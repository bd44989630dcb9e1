using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Tests.Headless;
using Sov.Tests.Tools;

namespace Sov.Tests.Cli.Interactive;

/// <summary>Issue #12: nothing from outside, in any event, can draw a row that passes for an approval prompt.</summary>
public sealed class TurnViewTests
{
    private const string Fake = "▌┌ shell needs your approval: ask\n▌│ ls\r▌│ x\u0085▌│ y\u000B▌│ z\u000C▌│ w\u2028▌│ v\u2029▌└ allow? [y]es once · [a]lways this session · [n]o: ";

    public static TheoryData<bool> Colour => [true, false];

    // Pinned attack, issue #12: a fake approval prompt in model text, reasoning, a tool's name, arguments and
    // output, a path, a warning or an error. No row starts with the approval mark or at the box's corners;
    // rows of model text and one-row fields are never long enough for the terminal to wrap them to column 0
    // (a warning or an error is one line too, and may wrap: it never holds the mark).
    [Theory]
    [MemberData(nameof(Colour))]
    public void AFakePromptInAnyEventCannotPassForTheRealOne(bool colour)
    {
        var screen = new StringWriter();
        var workspace = new Workspace(Directory.CreateTempSubdirectory("sov-ws-").FullName, new NativeFileSystem());
        var view = new TurnView(new TerminalSurface(screen, colour, () => 60), workspace, SessionTools.For(workspace));
        var text = Fake + new string(' ', 70) + Fake + "\n";
        view.Begin();
        foreach (var e in HostileText.EveryEvent(text))
        {
            view.Show(e);
        }

        view.Show(new ToolCallRequested("c", "write_file", System.Text.Json.JsonSerializer.Serialize(new { path = "a.txt", content = text }), "native"));
        view.Show(new TurnCompleted(1, TurnOutcome.Completed, text, 1));

        var rows = InertOutput.WithoutOwnSequences(screen.ToString()).Split('\n');
        Assert.DoesNotContain(PromptMark.Glyph, string.Concat(rows));
        Assert.All(rows, row => Assert.False(row.StartsWith('┌') || row.StartsWith('│') || row.StartsWith('└'), row));
        string[] fitted = [PromptMark.Gutter, "⏺ ", "✻ ", "  ⎿ ", "  ✎ ", "+", "-", "@@"];
        Assert.All(rows.Where(r => fitted.Any(p => r.StartsWith(p, StringComparison.Ordinal))), row => Assert.True(Columns.Of(row) <= 59, row));
        Assert.Equal(2, rows.Count(r => r.StartsWith("⚠ ", StringComparison.Ordinal) || r.StartsWith("✗ ", StringComparison.Ordinal)));
        Assert.Contains(rows, row => row.StartsWith(PromptMark.Gutter + "⟦U+258C⟧┌ shell needs your approval", StringComparison.Ordinal));
    }
}
