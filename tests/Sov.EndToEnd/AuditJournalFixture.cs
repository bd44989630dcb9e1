using System.Security.Cryptography;
using System.Text;

namespace Sov.EndToEnd;

/// <summary>
/// Writes a sealed journal into a private SOV_HOME using only the documented format (docs/trust.md):
/// a second, independent implementation of the chain, so these tests also pin the format itself.
/// Each line is BODY + ,"hash":"SHA256(BODY)"} where BODY is {"seq":N,"ts":…,"type":…,…,"prev":"…".
/// </summary>
internal sealed class AuditJournalFixture : IDisposable
{
    public const string Session = "20261124T010000Z-0badc0de";

    public AuditJournalFixture(int requests = 3)
    {
        Home = Directory.CreateTempSubdirectory("sov-e2e-audit-").FullName;
        JournalDir = Path.Combine(Home, "journal");
        Directory.CreateDirectory(JournalDir);
        var prev = new string('0', 64);
        var lines = new List<string>();
        void Add(string type, string fields)
        {
            var body = $"{{\"seq\":{lines.Count + 1},\"ts\":\"2026-11-24T01:00:{lines.Count:00}.000Z\",\"type\":\"{type}\",{fields},\"prev\":\"{prev}\"";
            prev = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            lines.Add($"{body},\"hash\":\"{prev}\"}}");
        }

        Add("session", $"\"session\":\"{Session}\",\"kind\":\"session\",\"version\":\"0.1.0\",\"config_digest\":\"none\",\"workspace\":\"/w\",\"model\":\"m\",\"endpoint\":\"http://127.0.0.1:8000/v1\",\"permission_mode\":\"ask\"");
        for (var i = 1; i <= requests; i++)
        {
            var sent = Encoding.UTF8.GetBytes($"{{\"model\":\"m\",\"messages\":[{{\"role\":\"user\",\"content\":\"turn {i}\"}}]}}");
            var sha = Convert.ToHexStringLower(SHA256.HashData(sent));
            Directory.CreateDirectory(Path.Combine(JournalDir, "bodies", sha[..2]));
            File.WriteAllBytes(Path.Combine(JournalDir, "bodies", sha[..2], sha), sent);
            Bodies.Add(sent);
            Add("egress_request", $"\"request\":{i},\"purpose\":\"model\",\"method\":\"POST\",\"origin\":\"http://127.0.0.1:8000\",\"path\":\"/v1/chat/completions\",\"bytes_out\":{sent.Length},\"body_sha256\":\"{sha}\",\"redactions\":0");
        }

        Add("seal", $"\"reason\":\"completed\",\"records\":{lines.Count + 1}");
        Head = prev;
        Write(lines);
    }

    public string Home { get; }
    public string JournalDir { get; }
    public string Head { get; }
    public List<byte[]> Bodies { get; } = [];
    public string Path0 => Path.Combine(JournalDir, Session + ".jsonl");

    public List<string> Lines() => [.. File.ReadAllLines(Path0)];

    public void Write(IEnumerable<string> lines) => File.WriteAllText(Path0, string.Concat(lines.Select(l => l + "\n")));

    public void Dispose() => Directory.Delete(Home, true);
}
