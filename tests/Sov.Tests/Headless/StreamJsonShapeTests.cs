using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sov.Cli.Headless;
using Sov.Core.Agent.Events;

namespace Sov.Tests.Headless;

/// <summary>
/// #14: the protocol's JSON is declared once (Sov.Core/Agent/Protocol) and generated; these goldens pin
/// the shape docs/stream-json.md documents, byte for byte, with the session id on every line, and check
/// that the document's table names exactly the fields each line carries.
/// </summary>
public sealed partial class StreamJsonShapeTests
{
    private const string Id = "20261201-102815-4f2a9c";

    private static readonly SessionInfo Session = new("qwen3-coder", "http://127.0.0.1:11434/v1", "/w/proj", ["read_file", "grep"], Id);

    public static TheoryData<string, string> Goldens => new()
    {
        { "turn_started", """{"type":"turn_started","session_id":"20261201-102815-4f2a9c","turn":1,"prompt":"what does main.c do?"}""" },
        { "assistant_delta", """{"type":"assistant_delta","session_id":"20261201-102815-4f2a9c","text":"It returns 0."}""" },
        { "reasoning_delta", """{"type":"reasoning_delta","session_id":"20261201-102815-4f2a9c","text":"look at main"}""" },
        { "tool_call_requested", """{"type":"tool_call_requested","session_id":"20261201-102815-4f2a9c","call_id":"call_1","name":"read_file","arguments":"{\"path\":\"main.c\"}","source":"native"}""" },
        { "approval_requested", """{"type":"approval_requested","session_id":"20261201-102815-4f2a9c","call_id":"call_2","name":"shell","arguments":"{\"command\":\"make\"}","reason":"runs a command","kind":"tool_call"}""" },
        { "compact_completed", """{"type":"compact_completed","session_id":"20261201-102815-4f2a9c","compacted":true,"messages":2}""" },
        { "undo_completed", """{"type":"undo_completed","session_id":"20261201-102815-4f2a9c","outcome":"undone","restored":["src/a.c"],"removed":[],"skipped":[],"note":"[Sovereign: undone]","message":null}""" },
        { "plan_proposed", """{"type":"plan_proposed","session_id":"20261201-102815-4f2a9c","call_id":"call_3","plan":"1. Read main.c\n2. Fix it"}""" },
        { "mode_changed", """{"type":"mode_changed","session_id":"20261201-102815-4f2a9c","mode":"auto-edit","by":"plan"}""" },
        { "rewind_completed", """{"type":"rewind_completed","session_id":"20261201-102815-4f2a9c","outcome":"rewound","turn":2,"messages_removed":4,"files":true,"restored":["src/a.c"],"removed":[],"skipped":[],"note":null,"message":null}""" },
        { "tool_result", """{"type":"tool_result","session_id":"20261201-102815-4f2a9c","call_id":"call_1","name":"read_file","is_error":false,"output":"     1\tint main() { return 0; }\n"}""" },
        { "file_changed", """{"type":"file_changed","session_id":"20261201-102815-4f2a9c","path":"src/a.c","change":"modified"}""" },
        { "usage", """{"type":"usage","session_id":"20261201-102815-4f2a9c","input_tokens":712,"output_tokens":18,"total_tokens":null}""" },
        { "warning", """{"type":"warning","session_id":"20261201-102815-4f2a9c","message":"HTTP 429 Too Many Requests; retrying in 1 s"}""" },
        { "error", """{"type":"error","session_id":"20261201-102815-4f2a9c","message":"The model server refused the connection.","remedy":"Start it, or set [model] endpoint.","exit_code":3}""" },
        { "turn_completed", """{"type":"turn_completed","session_id":"20261201-102815-4f2a9c","turn":1,"outcome":"max_turns","final_text":"It returns 0.","requests":2}""" },
        { "subagent_started", """{"type":"subagent_started","session_id":"20261201-102815-4f2a9c","child_id":"sub1","call_id":"call_3","agent":"general","description":"find main","tools":["read_file","grep"],"source":null}""" },
        { "subagent_event", """{"type":"subagent_event","session_id":"20261201-102815-4f2a9c","child_id":"sub1","event":{"type":"tool_call_requested","session_id":"20261201-102815-4f2a9c","call_id":"sub1.call_1","name":"grep","arguments":"{}","source":"native"}}""" },
        { "subagent_completed", """{"type":"subagent_completed","session_id":"20261201-102815-4f2a9c","child_id":"sub1","call_id":"call_3","outcome":"completed","final_text":"In main.c.","truncated":false,"requests":2}""" },
        { "session_started", """{"type":"session_started","session_id":"20261201-102815-4f2a9c","version":1,"model":"qwen3-coder","endpoint":"http://127.0.0.1:11434/v1","workspace":"/w/proj","tools":["read_file","grep"]}""" },
        { "exit", """{"type":"exit","session_id":"20261201-102815-4f2a9c","exit_code":0}""" },
    };

    private static readonly AgentEvent[] OneOfEach =
    [
        new TurnStarted(1, "what does main.c do?"),
        new AssistantDelta("It returns 0."),
        new ReasoningDelta("look at main"),
        new ToolCallRequested("call_1", "read_file", """{"path":"main.c"}""", "native"),
        new ApprovalRequested("call_2", "shell", """{"command":"make"}""", "runs a command"),
        new ToolResult("call_1", "read_file", "     1\tint main() { return 0; }\n", false),
        new FileChanged("src/a.c", "modified"),
        new Usage(712, 18, null),
        new Warning("HTTP 429 Too Many Requests; retrying in 1 s"),
        new Error("The model server refused the connection.", "Start it, or set [model] endpoint.", 3),
        new TurnCompleted(1, TurnOutcome.MaxTurns, "It returns 0.", 2),
        new CompactCompleted(true, 2),
        new UndoCompleted(UndoOutcome.Undone, ["src/a.c"], [], [], "[Sovereign: undone]", null),
        new SubagentStarted("sub1", "call_3", "general", "find main", ["read_file", "grep"], null),
        new SubagentEvent("sub1", new ToolCallRequested("sub1.call_1", "grep", "{}", "native")),
        new SubagentCompleted("sub1", "call_3", TurnOutcome.Completed, "In main.c.", false, 2),
        new PlanProposed("call_3", "1. Read main.c\n2. Fix it"), // #17
        new ModeChanged("auto-edit", "plan"),
        new RewindCompleted(RewindOutcome.Rewound, 2, 4, true, ["src/a.c"], [], [], null, null),
    ];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void EveryLineHasTheDocumentedShape(string type, string expected)
    {
        var line = StreamLines().Single(l => TypeOf(l) == type);

        Assert.Equal(expected, line);
    }

    [Fact]
    public void TheGoldensCoverEveryEventOfTheProtocol()
    {
        // A new event must get a golden here and a row in docs/stream-json.md.
        var declared = typeof(AgentEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AgentEvent)) && !t.IsAbstract);

        Assert.Equal(declared.Select(t => t.Name).Order(), OneOfEach.Select(e => e.GetType().Name).Order());
        Assert.Equal(OneOfEach.Length + 2, StreamLines().Count);
    }

    [Fact]
    public void TheDocumentNamesExactlyTheFieldsOfEveryLine()
    {
        var table = DocumentedFields();
        foreach (var line in StreamLines())
        {
            using var doc = JsonDocument.Parse(line);
            var type = TypeOf(line);
            var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).Except(["type", "session_id"]);
            Assert.True(table.ContainsKey(type), $"docs/stream-json.md has no row for {type}");
            Assert.Equal(table[type], keys.Order().ToList());
        }
    }

    [Fact]
    public void TheJsonResultHasTheDocumentedShape()
    {
        var output = new StringWriter();
        var printer = new JsonPrinter(output);
        printer.Start(Session);
        printer.Print(new ToolCallRequested("call_1", "read_file", """{"path":"main.c"}""", "native"));
        printer.Print(new ToolResult("call_1", "read_file", "int main;", false));
        printer.Print(new ToolCallRequested("call_2", "shell", "{}", "content"));
        printer.Print(new Usage(10, 2, 12));
        printer.Print(new Warning("w"));
        printer.Print(new TurnCompleted(1, TurnOutcome.Completed, "It returns 0.", 2));
        printer.Finish(0);

        Assert.Equal(
            """{"type":"result","session_id":"20261201-102815-4f2a9c","version":1,"outcome":"completed","exit_code":0,"final_text":"It returns 0.","requests":2,"model":"qwen3-coder","usage":{"input_tokens":10,"output_tokens":2},"tool_calls":[{"call_id":"call_1","name":"read_file","arguments":"{\"path\":\"main.c\"}","is_error":false,"output":"int main;"},{"call_id":"call_2","name":"shell","arguments":"{}"}],"warnings":["w"],"error":null}""",
            output.ToString().TrimEnd('\n'));
    }

    private static List<string> StreamLines()
    {
        var output = new StringWriter();
        var printer = new StreamJsonPrinter(output);
        printer.Start(Session);
        foreach (var e in OneOfEach)
        {
            printer.Print(e);
        }

        printer.Finish(0);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string TypeOf(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("type").GetString()!;
    }

    /// <summary>The first table of docs/stream-json.md: type to its field names (parenthesised notes dropped).</summary>
    private static Dictionary<string, List<string>> DocumentedFields([CallerFilePath] string source = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "docs", "stream-json.md"));
        var rows = File.ReadAllLines(path).SkipWhile(l => !l.StartsWith("| type |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'));
        return rows.Select(r => r.Split('|')).ToDictionary(
            cells => cells[1].Trim().Trim('`'),
            cells => Ticked().Matches(Notes().Replace(cells[2], "")).Select(m => m.Groups[1].Value).Order().ToList());
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Notes();

    [GeneratedRegex(@"`([a-z_]+)`")]
    private static partial Regex Ticked();
}
