using System.Security.Cryptography;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Config;

namespace Sov.Tests.Audit;

/// <summary>Keyed seals (#20): an edit with every hash recomputed is caught with the key, and (the documented limit) not without it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SealKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-sealkey-").FullName;
    private readonly SealKey _key = new(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Keyed(SealKey? key)
    {
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Key = key;
        journal.Append(new NoticeRecord("info", "budget 100"));
        journal.Append(new NoticeRecord("info", "done"));
        return journal.FilePath;
    }

    private static void EditAndRehash(string path, int index, string from, string to)
    {
        var lines = File.ReadAllLines(path).ToList();
        Assert.Contains(from, lines[index], StringComparison.Ordinal);
        lines[index] = lines[index].Replace(from, to, StringComparison.Ordinal);
        File.WriteAllLines(path, ChainRewrite.Rehash(lines));
    }

    [Fact]
    public void AKeyedSealCarriesTheKeyIdAndAMacAndVerifiesWithTheKey()
    {
        var path = Keyed(_key);
        var seal = File.ReadAllLines(path)[^1];
        Assert.Contains($"\"key_id\":\"{_key.Id}\",\"mac\":\"", seal, StringComparison.Ordinal);
        var result = JournalVerifier.Verify(path, _key);
        Assert.True(result.Ok, result.Problem ?? result.KeyProblem);
        Assert.True(result.KeyChecked);
    }

    [Fact]
    public void WithTheKeyOneAlteredByteAndEveryHashRecomputedIsCaught()
    {
        var path = Keyed(_key);
        EditAndRehash(path, 1, "budget 100", "budget 900");
        var result = JournalVerifier.Verify(path, _key);
        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBadSeq);
        Assert.Contains("MAC does not match", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheKeyOneAlteredByteOfTheSealAndItsHashRecomputedIsCaught()
    {
        var path = Keyed(_key);
        EditAndRehash(path, 3, "\"reason\":\"closed\"", "\"reason\":\"clised\"");
        Assert.False(JournalVerifier.Verify(path, _key).Ok);
    }

    [Fact]
    public void WithoutTheKeyAnEditWithEveryHashRecomputedPasses_DocumentedLimit()
    {
        // The limit docs/trust.md states: the hash chain alone cannot tell a rewritten journal from a real one. The
        // verdict says the seals are keyed and were not checked.
        var path = Keyed(_key);
        EditAndRehash(path, 1, "budget 100", "budget 900");
        var result = JournalVerifier.Verify(path);
        Assert.True(result.Ok);
        Assert.Equal(_key.Id, result.KeyId);
        Assert.False(result.KeyChecked);
    }

    [Fact]
    public void WithTheKeyAnUnkeyedSealFails_SoStrippingTheMacIsCaught()
    {
        var path = Keyed(null);
        var result = JournalVerifier.Verify(path, _key);
        Assert.False(result.Ok);
        Assert.Contains("carries no key MAC", result.KeyProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherKeyIsSaidNotToMatch()
    {
        var path = Keyed(new SealKey(RandomNumberGenerator.GetBytes(32)));
        var result = JournalVerifier.Verify(path, _key);
        Assert.False(result.Ok);
        Assert.Contains("not the key given", result.KeyProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyFileOpenToTheGroupOrOthersIsRefused()
    {
        var file = Path.Combine(_dir, "seal.key");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var e = Assert.Throws<ConfigException>(() => SealKey.Load(file));
        Assert.Contains("open to the group or others (mode 640)", e.Message, StringComparison.Ordinal);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(new SealKey(File.ReadAllBytes(file)).Id, SealKey.Load(file).Id);
    }

    [Fact]
    public void AShortKeyFileIsRefused()
    {
        var file = Path.Combine(_dir, "short.key");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(16));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Contains("holds 16 bytes", Assert.Throws<ConfigException>(() => SealKey.Load(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepairSealIsKeyedWhenAKeyIsGiven()
    {
        var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Append(new NoticeRecord("info", "crashes next"));
        var path = journal.FilePath;
        var result = JournalRepair.Repair(path, null, _key); // the handle is dropped, as a killed process would
        Assert.True(result.Ok, result.Problem ?? result.KeyProblem);
        Assert.True(result.KeyChecked);
    }
}
