using Sov.Cli;
using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>#13.8: `sov audit verify` without a session checks the one that started last, and says which.</summary>
public sealed class AuditVerifyNewestTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    [Fact]
    public async Task VerifyWithoutASessionPicksTheNewestByRecordedStartAndNamesIt()
    {
        var home = Directory.CreateTempSubdirectory("sov-cli-").FullName;
        var dir = Path.Combine(home, "journal");
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 900, TimeSpan.Zero));
        Journal.Start(dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-ffffffff").Dispose();
        clock.Now = clock.Now.AddMilliseconds(50);
        var newer = Journal.Start(dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-00000000");
        // Left unsealed, so a wrong pick (the older, sealed one) would pass.
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(["audit", "verify"], new CliContext(new Env(home), output, error), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("UNSEALED 20260101T000000Z-00000000", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ffffffff", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("the newest session, 20260101T000000Z-00000000 (started 2026-01-01 00:00:00.950 UTC)", error.ToString(), StringComparison.Ordinal);
        GC.KeepAlive(newer);
        Directory.Delete(home, true);
    }
}
