using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Audit;

/// <summary>`sov audit` and `sov privacy` in-process, against a real journal in a private SOV_HOME.</summary>
public sealed class AuditCliTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(string home, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(args, new CliContext(new Env(home), output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AnErrorInsideACommandIsTwoLinesAndItsDocumentedExitCode()
    {
        // Bug pinned: System.CommandLine's default handler turned SovException into a stack trace and exit 1.
        var home = Directory.CreateTempSubdirectory("sov-cli-").FullName;
        var (exit, output, err) = await Run(home, "audit", "verify", "no-such-session");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Equal(2, err.Trim().Split('\n').Length);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task VerifyAllReportsEachSessionAndFailsOnTheBrokenOne()
    {
        using var good = new JournalFixture();
        using var bad = new JournalFixture(records: 2, seal: false);
        File.Copy(bad.Path, Path.Combine(good.Dir, Path.GetFileName(bad.Path)));
        var home = Directory.CreateTempSubdirectory("sov-cli-").FullName;
        Directory.Move(good.Dir, Path.Combine(home, "journal"));
        Directory.CreateDirectory(good.Dir);
        var (exit, output, _) = await Run(home, "audit", "verify", "--all");
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"ok       {good.Session}", output, StringComparison.Ordinal);
        Assert.Contains($"UNSEALED {bad.Session}  first bad seq 4:", output, StringComparison.Ordinal);
        Assert.Contains($"{bad.Session}", output[output.IndexOf("CHAIN", StringComparison.Ordinal)..], StringComparison.Ordinal); // #20: copied in from another folder, a second chain root
        (exit, output, _) = await Run(home, "audit", "verify", "--all", "--repair");
        Assert.Equal(ExitCodes.Failed, exit); // the session is sealed now, but it still begins a chain of its own
        Assert.Contains($"repaired {bad.Session}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSEALED", output, StringComparison.Ordinal);
        Directory.Delete(home, true);
    }

    [Fact]
    public async Task VerifyWithoutASessionPicksTheNewestByRecordedStartAndNamesIt()
    {
        // #13.8: ids sort by the second only; the recorded start decides, and verify says which it checked.
        var home = Directory.CreateTempSubdirectory("sov-cli-").FullName;
        var dir = Path.Combine(home, "journal");
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 900, TimeSpan.Zero));
        Sov.Core.Audit.Journal.Start(dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-ffffffff").Dispose();
        clock.Now = clock.Now.AddMilliseconds(50);
        var newer = Sov.Core.Audit.Journal.Start(dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-00000000");

        // Left unsealed, so a wrong pick (the older, sealed one) would pass.
        var (exit, output, err) = await Run(home, "audit", "verify");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("UNSEALED 20260101T000000Z-00000000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ffffffff", output, StringComparison.Ordinal);
        Assert.Contains("the newest session, 20260101T000000Z-00000000 (started 2026-01-01 00:00:00.950 UTC)", err, StringComparison.Ordinal);
        GC.KeepAlive(newer);
        Directory.Delete(home, true);
    }
}
