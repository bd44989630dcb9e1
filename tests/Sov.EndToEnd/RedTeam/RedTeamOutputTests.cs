using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.RedTeam;

/// <summary>
/// Issue #11 item 6: a hostile model aims terminal escapes at the person through the published binary's
/// output: OSC 52 (clipboard write), OSC 8 (a link hiding its target) and OSC 0 (title) in a tool's name,
/// its arguments, a written file's path, its reasoning and its answer, with C1 CSI/OSC, bidi overrides
/// and tag characters besides. In every output format stdout and stderr carry none of them raw.
/// </summary>
public sealed class RedTeamOutputTests
{
    private const string Osc52 = "\e]52;c;cHduZWQ=\a";
    private const string Osc8 = "\e]8;;https://evil.example/\e\\click here\e]8;;\e\\";
    private const string Title = "\e]0;pwned\a";
    private const string Bmp = Osc52 + Osc8 + Title + "\u009b2J\u009d0;x\u009c\u202Eevil\u2066iso\u2069";
    private const string Hostile = Bmp + "\U000E0041\U000E0042\U000E007F";

    public static TheoryData<string> Formats => ["text", "json", "stream-json"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NoEscapeFromTheModelReachesStdoutOrStderr(string format)
    {
        await using var w = await RedTeamWorld.StartAsync();
        w.Harness.Server.Enqueue(
            new ScriptedResponse().AddReasoning(Bmp + "\n").ToolCall("call_0", "read_file" + Hostile, JsonSerializer.Serialize(new { path = Hostile }), pieces: 1),
            new ScriptedResponse().ToolCall("call_1", "read_file", JsonSerializer.Serialize(new { path = "missing" + Hostile }), pieces: 1),
            new ScriptedResponse().ToolCall("call_2", "write_file", JsonSerializer.Serialize(new { path = "out" + Title + ".txt", content = "plain\n" }), pieces: 1),
            ScriptedResponse.Text("answer " + Hostile, pieces: 1));

        var result = await w.Harness.ExecAsync(["--mode", "full-auto", "--output-format", format, "attack"],
            environment: new Dictionary<string, string> { ["HOME"] = w.Home }, sovHome: w.SovHome);

        Assert.Equal(0, result.ExitCode);
        AssertInert(result.Stdout, "stdout");
        AssertInert(result.Stderr, "stderr");
        if (format == "text")
        {
            Assert.Contains("answer ⟦ESC⟧]52;c;cHduZWQ=⟦BEL⟧", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("⟦ESC⟧]0;pwned⟦BEL⟧", result.Stderr, StringComparison.Ordinal);
        }
        else
        {
            // Valid JSON that carries the model's exact strings: escaped, never raw.
            var texts = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(Strings).ToList();
            Assert.Contains("answer " + Hostile, texts);
            Assert.Contains("read_file" + Hostile, texts);
        }

        w.AssertUntouched();
    }

    private static void AssertInert(string written, string where)
    {
        foreach (var rune in written.EnumerateRunes())
        {
            var bad = rune.Value is 0x1B or 0x07 or (>= 0x80 and <= 0x9F) or 0x202E or 0x2066 or 0x2069 or (>= 0xE0000 and <= 0xE007F);
            Assert.False(bad, $"{where} carries raw U+{rune.Value:X4}: {written.Replace("\e", "<ESC>", StringComparison.Ordinal)}");
        }
    }

    private static IEnumerable<string> Strings(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        return Walk(doc.RootElement).ToList();
    }

    private static IEnumerable<string> Walk(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Walk(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Walk),
        _ => [],
    };
}
