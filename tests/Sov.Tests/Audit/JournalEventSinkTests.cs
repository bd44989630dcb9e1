using System.Text.Json;
using Sov.Core.Agent.Events;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

public sealed class JournalEventSinkTests
{
    [Fact]
    public void ToolResultsUsageAndHiddenUnicodeBothWaysAreJournaled()
    {
        var dir = Directory.CreateTempSubdirectory("sov-sink-").FullName;
        string path;
        using (var journal = Journal.Start(dir, JournalFixture.Info))
        {
            path = journal.FilePath;
            var sink = new JournalEventSink(journal, "qwen3-coder");
            // Attack pinned: a file carrying a right-to-left override (Trojan Source) read by a tool, and a
            // model answer smuggling text in Unicode tag characters.
            sink.Record(new ToolResult("c1", "read_file", "if (isAdmin \u202E } \u2066 {", false));
            sink.Record(new Usage(1000, 20, 1020));
            sink.Record(new TurnCompleted(1, TurnOutcome.Completed, "done\U000E0041\U000E0042", 2));
            sink.Record(new AssistantDelta("ignored: the answer is checked whole at the end"));
        }

        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var types = records.Select(r => r.GetProperty("type").GetString()).ToList();
        Assert.Equal(["session", "tool_result", "unicode_finding", "model_usage", "unicode_finding", "seal"], types);
        Assert.Equal("to_model", records[2].GetProperty("direction").GetString());
        Assert.Equal("tool:read_file", records[2].GetProperty("source").GetString());
        Assert.Equal("bidi", records[2].GetProperty("kind").GetString());
        Assert.Equal("from_model", records[4].GetProperty("direction").GetString());
        Assert.Equal("tag", records[4].GetProperty("kind").GetString());
        Assert.Equal(1000, records[3].GetProperty("input_tokens").GetInt64());
        Assert.True(JournalVerifier.Verify(path).Ok);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void PlansModeSwitchesAndRewindsAreJournaled()
    {
        // #17: the plan proposed and the person's answer (by hash), the mode it switched to and by what, the rewind.
        var dir = Directory.CreateTempSubdirectory("sov-sink-").FullName;
        string path;
        using (var journal = Journal.Start(dir, JournalFixture.Info))
        {
            path = journal.FilePath;
            var sink = new JournalEventSink(journal, "m");
            sink.Record(new PlanProposed("c1", "1. Do it."));
            sink.RecordAnswer(new ApprovalRequested("c1", "exit_plan", "1. Do it.", "approve", ApprovalKind.Plan), approved: true);
            sink.Record(new ModeChanged("auto-edit", "plan"));
            sink.Record(new RewindCompleted(RewindOutcome.Rewound, 2, 6, true, ["a.txt"], [], ["b.txt (changed since)"], null, null));
            sink.Record(RewindCompleted.Failed(9, "There is no turn 9.")); // nothing happened: nothing to journal
        }

        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["session", "plan", "plan", "permission_mode", "rewind", "seal"], records.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal(["proposed", "approved"], records.Skip(1).Take(2).Select(r => r.GetProperty("decision").GetString()));
        Assert.Equal(64, records[1].GetProperty("sha256").GetString()!.Length);
        Assert.Equal("plan", records[3].GetProperty("by").GetString());
        Assert.Equal(2, records[4].GetProperty("turn").GetInt32());
        Assert.True(records[4].GetProperty("files").GetBoolean());
        Assert.Equal(1, records[4].GetProperty("files_restored").GetInt32());
        Assert.Equal("b.txt (changed since)", records[4].GetProperty("left")[0].GetString());
        Assert.True(JournalVerifier.Verify(path).Ok);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void WarningsAndErrorsThePersonSawAreJournaled()
    {
        // #13.5: an empty or cut answer fails the turn with a warning and an error; the journal says so too.
        var dir = Directory.CreateTempSubdirectory("sov-sink-").FullName;
        string path;
        using (var journal = Journal.Start(dir, JournalFixture.Info))
        {
            path = journal.FilePath;
            var sink = new JournalEventSink(journal, "m");
            sink.Record(new Warning("The answer was cut at the server's token limit."));
            sink.Record(new Error("The model's answer was empty." + new string('x', 3000) + "\U0001F600", "Raise max tokens.", 1));
        }

        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["session", "notice", "notice", "seal"], records.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal("warning", records[1].GetProperty("level").GetString());
        Assert.Equal("error", records[2].GetProperty("level").GetString());
        Assert.Equal(1, records[2].GetProperty("exit_code").GetInt32());
        Assert.True(records[2].GetProperty("message").GetString()!.Length <= 2001);
        Assert.True(JournalVerifier.Verify(path).Ok);
        Directory.Delete(dir, true);
    }
}
