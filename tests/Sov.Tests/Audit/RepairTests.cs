using Sov.Core.Audit;

namespace Sov.Tests.Audit;

public sealed class RepairTests
{
    [Fact]
    public void ACrashedSessionIsReportedUnsealedAndRepairSealsItSayingSo()
    {
        using var f = new JournalFixture(records: 2, seal: false);
        var before = JournalVerifier.Verify(f.Path);
        Assert.False(before.Ok);
        Assert.True(before.Repairable);
        var after = JournalRepair.Repair(f.Path);
        Assert.True(after.Ok, after.Problem);
        var seal = f.Lines()[^1];
        Assert.Contains("\"reason\":\"repaired\"", seal, StringComparison.Ordinal);
        Assert.Contains("without a seal", seal, StringComparison.Ordinal);
    }

    [Fact]
    public void APartialLastLineIsKeptAsideAndDescribedInTheSeal()
    {
        using var f = new JournalFixture(records: 2, seal: false);
        File.AppendAllText(f.Path, "{\"seq\":4,\"ts\":\"2026-");
        var after = JournalRepair.Repair(f.Path);
        Assert.True(after.Ok, after.Problem);
        Assert.Contains("\"partial_tail_bytes\":20", f.Lines()[^1], StringComparison.Ordinal);
        var aside = Directory.GetFiles(f.Dir, "*.partial-*");
        Assert.Single(aside);
        Assert.Equal("{\"seq\":4,\"ts\":\"2026-", File.ReadAllText(aside[0]));
    }

    [Fact]
    public void ATamperedJournalIsNotRepaired()
    {
        using var f = new JournalFixture(records: 3, seal: false);
        var lines = f.Lines();
        lines.RemoveAt(1);
        f.Write(lines);
        var before = File.ReadAllBytes(f.Path);
        var after = JournalRepair.Repair(f.Path);
        Assert.False(after.Ok);
        Assert.Equal(2, after.FirstBadSeq);
        Assert.Equal(before, File.ReadAllBytes(f.Path));
    }
}
