using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

/// <summary>
/// #13.1: a full disk under SOV_HOME must never make the journal look tampered with. A failed record is cut
/// back, the failure is a typed "disk full" error (exit 3), the seal never lands on a fragment, and a journal
/// that cannot get its first record leaves no file behind.
/// </summary>
public sealed class JournalWriteFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-journal-fail-").FullName;
    private FailingStream? _stream;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Journal Start(long budget) =>
        Journal.Start(_dir, JournalFixture.Info, null, s => _stream = new FailingStream(s, budget));

    private static ToolCallRecord Big(int size) => new("c1", "write_file", new string('x', size), "allow", "mode");

    private static EgressRequestRecord Small(int id) => new(id, "POST", "http://127.0.0.1:8000", "/v1/chat/completions", 10, null, 0, "model");

    [Fact]
    public void ARecordThatDoesNotFitIsCutBackAndReportedAsDiskFull()
    {
        var journal = Start(budget: 4096);
        journal.Append(Small(1));
        var before = File.ReadAllBytes(journal.FilePath);

        var error = Assert.Throws<StateWriteException>(() => journal.Append(Big(10_000)));

        Assert.True(error.DiskFull);
        Assert.Equal(ExitCodes.Environment, error.ExitCode);
        Assert.StartsWith("disk full under SOV_HOME", error.Message, StringComparison.Ordinal);
        Assert.Contains("sov --continue", error.Remedy, StringComparison.Ordinal);
        Assert.Equal(1, _stream!.Failures); // bytes of the record did land, and were cut
        Assert.Equal(before, File.ReadAllBytes(journal.FilePath));
        Assert.Same(error, journal.Failure);
        var check = JournalVerifier.Verify(journal.FilePath);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(0, check.PartialTailBytes);
    }

    [Fact]
    public void AfterAFailureNothingMoreIsJournaledAndTheSealIsTriedOnce()
    {
        var journal = Start(budget: 2048);
        Assert.Throws<StateWriteException>(() => journal.Append(Big(5000)));
        _stream!.Budget = 1 << 20; // space freed: the seal fits, a later action record is still refused

        Assert.Throws<StateWriteException>(() => journal.Append(Small(2)));
        Assert.Null(journal.TryAppend(Small(3)));
        journal.Dispose();

        var check = JournalVerifier.Verify(journal.FilePath);
        Assert.True(check.Ok, check.Problem);
        Assert.Equal(2, check.Records); // session, seal
    }

    [Fact]
    public void ASealThatCannotBeWrittenEitherLeavesTheJournalIntactAndUnsealed()
    {
        var journal = Start(budget: 2048);
        Assert.Throws<StateWriteException>(() => journal.Append(Big(5000)));

        journal.Dispose(); // still full: no second error, no fragment

        var check = JournalVerifier.Verify(journal.FilePath);
        Assert.True(check.Repairable, check.Problem);
        Assert.Equal(0, check.PartialTailBytes);
        Assert.True(JournalRepair.Repair(journal.FilePath).Ok);
    }

    [Fact]
    public void TheFirstFailureAtTheSealItselfIsReported()
    {
        var journal = Start(budget: 1 << 20);
        journal.Append(Small(1));
        _stream!.Budget = 10;

        Assert.Throws<StateWriteException>(() => journal.Seal());
        journal.Dispose();

        Assert.True(JournalVerifier.Verify(journal.FilePath).Repairable);
    }

    [Fact]
    public void TheSealNeverOverwritesAFragmentThatCouldNotBeCut()
    {
        // The bug pinned: a partial write did not move the append offset, the seal landed over the start of the
        // fragment and its tail stayed after the seal, so verify said BROKEN and --repair refused.
        var journal = Start(budget: 2048);
        _stream!.CutFails = true;
        Assert.Throws<StateWriteException>(() => journal.Append(Big(5000)));
        _stream.Budget = 1 << 20;

        journal.Dispose();

        var check = JournalVerifier.Verify(journal.FilePath);
        Assert.True(check.Intact, check.Problem);
        Assert.True(check.PartialTailBytes > 0);
        var repaired = JournalRepair.Repair(journal.FilePath);
        Assert.True(repaired.Ok, repaired.Problem);
        Assert.Single(Directory.GetFiles(_dir, "*.partial-*"));
    }

    [Fact]
    public void AStartOnAFullDiskLeavesNoFileBehind()
    {
        // The bug pinned: each start on a full disk left a 0-byte journal that verified as BROKEN.
        var error = Assert.Throws<StateWriteException>(() => Start(budget: 100));
        Assert.True(error.DiskFull);
        Assert.Equal([".start.lock"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f))); // #20: only the start lock (one line, never empty)
    }

    // Review of #20: when the anchor could not be moved after the new journal was created, the journal stayed, naming
    // the same predecessor the next session names: 'verify --all' then reported a forked chain for good.
    [Fact]
    public void AStartWhoseAnchorCannotBeMovedLeavesNoJournalAndTheChainStaysWhole()
    {
        var first = Journal.Start(_dir, JournalFixture.Info);
        first.Seal("ok");
        var anchor = Path.Combine(_dir, JournalAnchor.FileName);
        var saved = File.ReadAllBytes(anchor);
        File.Delete(anchor);
        Directory.CreateDirectory(anchor); // the anchor cannot be replaced
        File.WriteAllBytes(Path.Combine(anchor, "x"), [1]);

        Assert.Throws<StateWriteException>(() => Journal.Start(_dir, JournalFixture.Info));

        Assert.Single(JournalFiles.Sessions(_dir));
        Directory.Delete(anchor, recursive: true);
        File.WriteAllBytes(anchor, saved);
        Journal.Start(_dir, JournalFixture.Info).Seal("ok");
        Assert.Empty(JournalChain.Check(_dir));
    }

    [Fact]
    public void AStreamThatFailsAtItsFirstByteLeavesNoFileEither()
    {
        Assert.Throws<StateWriteException>(() => Start(budget: 0));
        Assert.Equal([".start.lock"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f))); // #20: only the start lock (one line, never empty)
    }

    [Fact]
    public void ABodyThatCannotBeStoredLeavesNoPartialBodyAndStopsTheJournal()
    {
        var journal = Journal.Start(_dir, JournalFixture.Info);
        var observer = new JournalEgressObserver(journal);
        File.WriteAllText(Path.Combine(_dir, "bodies"), "a file where the folder should be"); // the store cannot be written
        Assert.ThrowsAny<SovException>(() => observer.Sending("model", "POST", "http://127.0.0.1:8000", "/v1/chat/completions", "{}"u8, true, []));
        Assert.NotNull(journal.Failure);
        Assert.Throws<StateWriteException>(() => journal.Append(Small(1)));
        journal.Dispose();
        Assert.True(JournalVerifier.Verify(journal.FilePath).Ok);
    }
}
