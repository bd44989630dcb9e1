namespace Sov.Core.Audit;

/// <summary>
/// Where journals live: one <c>SESSION.jsonl</c> per session in the journal folder
/// (<c>$SOV_HOME/journal</c> or the XDG state dir), exact request bodies under <c>bodies/</c>. Session ids
/// start with the UTC start time to the second; which session is newest is decided by the start its
/// <c>session</c> record states (to the millisecond), then the file's last write (#13.8).
/// </summary>
public static class JournalFiles
{
    public const string Extension = ".jsonl";

    public static string PathOf(string journalDir, string session) => Path.Combine(journalDir, session + Extension);

    public static string BodiesDir(string journalDir) => Path.Combine(journalDir, "bodies");

    /// <summary>Session ids in the folder, oldest first (empty when the folder does not exist).</summary>
    public static IReadOnlyList<string> Sessions(string journalDir)
    {
        if (!Directory.Exists(journalDir))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(journalDir, "*" + Extension)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The session that started last, by its recorded start, then last write, then name; null when there is none.</summary>
    public static string? Newest(string journalDir) =>
        Sessions(journalDir)
            .Select(id => (Id: id, Path: PathOf(journalDir, id)))
            .OrderBy(s => StartOf(s.Path) ?? DateTimeOffset.MinValue)
            .ThenBy(s => File.GetLastWriteTimeUtc(s.Path))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id)
            .LastOrDefault();

    /// <summary>The <c>ts</c> of a journal's first record, or null when it cannot be read.</summary>
    public static DateTimeOffset? StartOf(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var first = reader.ReadLine();
            if (first is null)
            {
                return null;
            }

            using var doc = System.Text.Json.JsonDocument.Parse(first);
            return doc.RootElement.TryGetProperty("ts", out var ts) && ts.ValueKind == System.Text.Json.JsonValueKind.String
                && DateTimeOffset.TryParse(ts.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var start)
                ? start
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A new session id: UTC start time and 32 random bits (no host, user or machine data); the one generator for
    /// journals and session files, which share it (#14). Two sessions can
    /// still draw the same one: <see cref="Journal.Start(string, SessionInfo, TimeProvider?)"/> creates the file only under a free name and draws again (#13.3).
    /// </summary>
    public static string NewSessionId(DateTimeOffset utcNow)
    {
        Span<byte> random = stackalloc byte[4];
        System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        return $"{utcNow.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(random)}";
    }
}
