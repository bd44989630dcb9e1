using Microsoft.Extensions.AI;
using Sov.Core.Agent;
using Sov.Core.Sessions;

namespace Sov.Tests.Agent;

/// <summary>
/// Rewind and the resumed view count the person's prompts only: the user messages the loop adds (a tool's images, a
/// Stop hook's "go on", a compaction summary) are marked, and the mark survives the session file (review of #17).
/// </summary>
public sealed class TurnPromptsTests
{
    [Fact]
    public void MessagesTheLoopAddedAreNotTurns()
    {
        List<ChatMessage> history =
        [
            TurnPrompts.Added(new ChatMessage(ChatRole.User, "Summary of the conversation so far"), "summary"),
            new(ChatRole.Assistant, "Understood."),
            new(ChatRole.User, "first prompt"),
            new(ChatRole.Assistant, "done"),
            TurnPrompts.Added(new ChatMessage(ChatRole.User, "a Stop hook says: run the tests"), "hook"),
            new(ChatRole.Assistant, "ran them"),
            new(ChatRole.User, "second prompt"),
            TurnPrompts.Added(new ChatMessage(ChatRole.User, [new DataContent(new byte[] { 1 }, "image/png")]), "image"),
        ];

        Assert.Equal(2, SessionRewind.TurnStart(history, 1));
        Assert.Equal(6, SessionRewind.TurnStart(history, 2));
        Assert.Equal(-1, SessionRewind.TurnStart(history, 3));
    }

    [Fact]
    public void TheMarkSurvivesTheSessionFile()
    {
        var dir = Directory.CreateTempSubdirectory("sov-mark-");
        try
        {
            using (var file = SessionFile.Create(dir.FullName, "20261201T000000Z-aaaaaaaa", "/w", "m", DateTimeOffset.UnixEpoch))
            {
                file.Append([new ChatMessage(ChatRole.User, "a prompt"), TurnPrompts.Added(new ChatMessage(ChatRole.User, "go on"), "hook")]);
            }

            var loaded = SessionFile.Load(SessionFile.PathOf(dir.FullName, "20261201T000000Z-aaaaaaaa")).Messages;

            Assert.Equal([true, false], loaded.Select(TurnPrompts.IsPrompt));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
