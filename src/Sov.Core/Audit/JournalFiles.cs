namespace Sov.Core.Audit;

/// <summary>
/// Where journals live: one <c>SESSION.jsonl</c> per session in the journal folder
/// (<c>$SOV_HOME/journal</c> or the XDG state dir), exact request bodies under <c>bodies/</c>. Session ids
/// start with the UTC start time, so sorting names sorts sessions by age.
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

    /// <summary>A new session id: UTC start time and 32 random bits (no host, user or machine data).</summary>
    public static string NewSessionId(DateTimeOffset utcNow)
    {
        Span<byte> random = stackalloc byte[4];
        System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        return $"{utcNow.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(random)}";
    }
}
