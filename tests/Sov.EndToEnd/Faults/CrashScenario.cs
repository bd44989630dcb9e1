using System.Globalization;
using System.Text;
using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// The scripted turn the crash test kills: answer 1 rewrites a large file and edits a small one, answer 2
/// creates a file in a new folder and edits the large file again, answer 3 ends the turn. Every version each
/// file may legitimately have at any moment is known, so a torn file (part old, part new) is caught.
/// </summary>
internal static class CrashScenario
{
    public const int Answers = 3;
    public const int Writes = 4;
    public const string Big = "big.txt";
    public const string Small = "src/a.txt";
    public const string Created = "made/new.txt";
    public const string Untouched = "src/keep.txt";

    public static readonly string BigOriginal = Lines("original");
    public static readonly string BigRewritten = Lines("rewritten");
    public static readonly string BigEdited = BigRewritten.Replace("line 00007 rewritten", "line 00007 EDITED", StringComparison.Ordinal);
    public const string SmallOriginal = "alpha\nbeta\ngamma\n";
    public const string SmallEdited = "alpha\nBETA\ngamma\n";
    public const string CreatedContent = "created by the killed turn\n";

    /// <summary>The workspace before the turn.</summary>
    public static IReadOnlyDictionary<string, string> Original { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Big] = BigOriginal,
        [Small] = SmallOriginal,
        [Untouched] = "leave me\n",
    };

    /// <summary>Every content each path may have at any moment of the turn (null: absent).</summary>
    public static IReadOnlyDictionary<string, string?[]> Allowed { get; } = new Dictionary<string, string?[]>(StringComparer.Ordinal)
    {
        [Big] = [BigOriginal, BigRewritten, BigEdited],
        [Small] = [SmallOriginal, SmallEdited],
        [Created] = [null, CreatedContent],
        [Untouched] = ["leave me\n"],
    };

    /// <summary>The three answers, with a stall where <paramref name="point"/> asks for one.</summary>
    public static ScriptedResponse[] Responses(CrashPoint point, Task never)
    {
        var first = new ScriptedResponse();
        var second = new ScriptedResponse();
        var third = ScriptedResponse.Text("all done");
        ScriptedResponse[] all = [first, second, third];
        if (point.Kind == CrashKind.BeforeAnswer)
        {
            all[point.Answer - 1].HoldUntil(never);
        }

        first.ToolCall("c1", "write_file", Json(new { path = Big, content = BigRewritten }), pieces: 4, index: 0);
        second.ToolCall("c3", "write_file", Json(new { path = Created, content = CreatedContent }), index: 0);
        if (point.Kind == CrashKind.MidStream)
        {
            all[point.Answer - 1].HoldUntil(never);
        }

        first.ToolCall("c2", "edit_file", Json(new { path = Small, old_string = "beta", new_string = "BETA" }), index: 1);
        second.ToolCall("c4", "edit_file", Json(new { path = Big, old_string = "line 00007 rewritten", new_string = "line 00007 EDITED" }), index: 1);
        return all;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Lines(string word)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {i:D5} {word} ").Append('x', 20).Append('\n');
        }

        return text.ToString();
    }
}
