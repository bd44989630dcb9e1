using System.Security.Cryptography;
using Sov.Core.Audit.Records;

namespace Sov.Core.Audit;

/// <summary>
/// Seals a session that crashed, never silently: the seal's reason is <c>repaired</c> and its note says the
/// session ended without one. A partial last line is kept aside in <c>SESSION.jsonl.partial-HASH8</c> and
/// described (size, SHA-256) in the seal before it is cut from the journal. A journal whose chain is
/// broken anywhere else is not repairable: tampering is reported, not papered over.
/// </summary>
public static class JournalRepair
{
    public const string Note = "the session ended without a seal (crashed or killed); sealed by 'sov audit verify --repair'";

    /// <summary>Seals the journal if it is intact but unsealed; returns the verification after the repair.</summary>
    public static JournalVerification Repair(string path, TimeProvider? clock = null) => Repair(path, clock, Note);

    /// <summary>As above, keying the repair seal with <paramref name="key"/> (#20) when one is given.</summary>
    public static JournalVerification Repair(string path, TimeProvider? clock, SealKey? key) => Repair(path, clock, Note, key);

    /// <param name="note">What the seal says about why it was written.</param>
    /// <param name="key">Keys the seal (#20); null: unkeyed.</param>
    internal static JournalVerification Repair(string path, TimeProvider? clock, string note, SealKey? key = null)
    {
        var before = JournalVerifier.Verify(path);
        if (!before.Repairable)
        {
            return before;
        }

        long? tailBytes = null;
        string? tailSha = null;
        var keep = new FileInfo(path).Length;
        if (before.PartialTailBytes > 0)
        {
            var all = File.ReadAllBytes(path);
            keep = all.Length - before.PartialTailBytes;
            var tail = all.AsSpan((int)keep);
            tailSha = Convert.ToHexStringLower(SHA256.HashData(tail));
            tailBytes = tail.Length;
            using var partial = Files.PrivateFiles.Open($"{path}.partial-{tailSha[..8]}", FileMode.Create, FileShare.None);
            partial.Write(tail);
            partial.Flush(flushToDisk: true);
        }

        // The partial line is cut (it is kept aside above) and the seal written where it began.
        using (var journal = Journal.Resume(path, before.Records, before.HeadHash, keep, clock ?? TimeProvider.System))
        {
            journal.Key = key;
            journal.Append(new SealRecord("repaired", before.Records + 1, note, tailBytes, tailSha));
        }

        return JournalVerifier.Verify(path, key);
    }
}
