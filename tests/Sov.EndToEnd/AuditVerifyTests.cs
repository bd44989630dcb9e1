using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>`sov audit verify` on the published binary: ok only when intact and sealed; each tampering names its seq.</summary>
public sealed class AuditVerifyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SovResult> Sov(AuditJournalFixture f, params string[] args) =>
        SovRun.RunAsync(args, sovHome: f.Home, cancellationToken: Ct);

    [Fact]
    public async Task AnIntactSealedJournalVerifiesAndHeadPrintsItsHash()
    {
        using var f = new AuditJournalFixture();
        var verify = await Sov(f, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"ok       {AuditJournalFixture.Session}  5 records, sealed", verify.Stdout, StringComparison.Ordinal);
        var head = await Sov(f, "audit", "head");
        Assert.Equal(0, head.ExitCode);
        Assert.Equal($"{AuditJournalFixture.Session} 5 {f.Head}", head.Stdout.Trim());
    }

    public static TheoryData<string, int> Tamperings => new()
    {
        { "flipped-byte", 3 },
        { "deleted-line", 3 },
        { "swapped-lines", 2 },
        { "truncated-tail", 5 },
        { "cut-to-first-record", 2 },
        { "missing-seal", 5 },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task EachTamperingExitsNonZeroNamingTheFirstBadSeq(string tampering, int firstBad)
    {
        using var f = new AuditJournalFixture();
        var lines = f.Lines();
        switch (tampering)
        {
            case "flipped-byte":
                lines[2] = lines[2].Replace("\"bytes_out\":", "\"bytes_out\":1", StringComparison.Ordinal);
                f.Write(lines);
                break;
            case "deleted-line":
                lines.RemoveAt(2);
                f.Write(lines);
                break;
            case "swapped-lines":
                (lines[1], lines[2]) = (lines[2], lines[1]);
                f.Write(lines);
                break;
            case "truncated-tail":
                var bytes = File.ReadAllBytes(f.Path0);
                File.WriteAllBytes(f.Path0, bytes[..^20]);
                break;
            case "cut-to-first-record":
                f.Write(lines.Take(1));
                break;
            case "missing-seal":
                f.Write(lines.Take(lines.Count - 1));
                break;
        }

        var result = await Sov(f, "audit", "verify", "--all");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"first bad seq {firstBad}:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed verification", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepairSealsACrashedSessionSayingSoButNeverABrokenOne()
    {
        using var f = new AuditJournalFixture();
        var lines = f.Lines();
        f.Write(lines.Take(lines.Count - 1)); // the process died before its seal
        var repaired = await Sov(f, "audit", "verify", "--repair");
        Assert.Equal(0, repaired.ExitCode);
        Assert.Contains("repaired", repaired.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"repaired\"", f.Lines()[^1], StringComparison.Ordinal);

        lines = f.Lines();
        lines.RemoveAt(1);
        f.Write(lines);
        var broken = await Sov(f, "audit", "verify", "--repair");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("BROKEN", broken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowPrintsTheExactBytesARequestSent()
    {
        using var f = new AuditJournalFixture();
        var result = await Sov(f, "audit", "show", "3");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(f.Bodies[1]), result.Stdout);
        var session = await Sov(f, "audit", "show", "1");
        Assert.StartsWith("{\"seq\":1,", session.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowRefusesABodyThatNoLongerMatchesItsHash()
    {
        using var f = new AuditJournalFixture();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(f.JournalDir, "bodies"), "*", SearchOption.AllDirectories))
        {
            File.AppendAllText(file, " ");
        }

        var result = await Sov(f, "audit", "show", "2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no longer matches its hash", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSessionIsAUsageError()
    {
        using var f = new AuditJournalFixture();
        var result = await Sov(f, "audit", "verify", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.Stderr.Trim().Split('\n').Length);
    }
}
