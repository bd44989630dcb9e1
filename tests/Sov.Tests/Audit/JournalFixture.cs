using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

/// <summary>A real journal on disk in a fresh folder: a session, a few records, a seal.</summary>
internal sealed class JournalFixture : IDisposable
{
    public JournalFixture(int records = 4, bool seal = true)
    {
        Dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        var journal = Journal.Start(Dir, Info);
        for (var i = 0; i < records; i++)
        {
            journal.Append(new EgressRequestRecord(i + 1, "POST", "http://127.0.0.1:8000", "/v1/chat/completions", 100 + i, null, 0, "model"));
        }

        Session = journal.Session;
        Path = journal.FilePath;
        if (seal)
        {
            journal.Dispose();
        }
        else
        {
            Crashed = journal;
        }
    }

    public static SessionInfo Info { get; } = new("0.1.0", "sha256:abc", "/w/proj", "qwen3-coder", "http://127.0.0.1:8000/v1", "ask");

    public string Dir { get; }
    public string Session { get; }
    public string Path { get; }

    /// <summary>Held open, never sealed: stands for a process killed mid-session.</summary>
    public Journal? Crashed { get; }

    public List<string> Lines() => [.. File.ReadAllLines(Path)];

    public void Write(IEnumerable<string> lines) => File.WriteAllText(Path, string.Concat(lines.Select(l => l + "\n")));

    public void Dispose()
    {
        // The crashed journal's handle is dropped, not disposed: disposing would seal it.
        Directory.Delete(Dir, recursive: true);
    }
}
