using Sov.Core.Sessions;

namespace Sov.Tests.Sessions;

/// <summary>
/// A resumed session's system prompt keeps the date the session began (its header's <c>created</c>), so the prompt and
/// the server's cache of the conversation stay the same the next day; an unreadable header gives none.
/// </summary>
public sealed class SessionCreatedTests
{
    [Fact]
    public void TheHeaderSaysWhenTheSessionBegan()
    {
        var dir = Directory.CreateTempSubdirectory("sov-created-");
        try
        {
            var began = new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero);
            using (SessionFile.Create(dir.FullName, "20261124T235900Z-aaaaaaaa", "/w", "m", began))
            {
            }

            Assert.Equal(began, SessionFile.CreatedOf(SessionFile.PathOf(dir.FullName, "20261124T235900Z-aaaaaaaa")));

            var broken = Path.Combine(dir.FullName, "broken.jsonl");
            File.WriteAllText(broken, "{not json\n");
            Assert.Null(SessionFile.CreatedOf(broken));
            Assert.Null(SessionFile.CreatedOf(Path.Combine(dir.FullName, "missing.jsonl")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
