using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>The published binary chains sessions to each other (#20): concurrent starts keep one chain; a deleted session is reported.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-e2e-chain-");

    private string JournalDir => Path.Combine(_home.FullName, "journal");

    public void Dispose() => _home.Delete(recursive: true);

    private Task<SovResult> Verify() =>
        SovRun.RunAsync(["audit", "verify", "--all"], sovHome: _home.FullName, cancellationToken: TestContext.Current.CancellationToken);

    private List<string> Sessions() => [.. Directory.GetFiles(JournalDir, "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    private string? Predecessor(string session)
    {
        using var doc = JsonDocument.Parse(File.ReadLines(Path.Combine(JournalDir, session + ".jsonl")).First());
        return doc.RootElement.GetProperty("prev_session").GetString();
    }

    [Fact]
    public async Task SeveralExecsStartedAtOnceKeepOneChain()
    {
        await using var h = await ExecHarness.StartAsync();
        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.ExecAsync(["hi"], sovHome: _home.FullName)));
        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        var verify = await Verify();
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.DoesNotContain("CHAIN", verify.Stdout, StringComparison.Ordinal);

        var sessions = Sessions();
        Assert.Equal(5, sessions.Count);
        var predecessors = sessions.Select(Predecessor).ToList();
        Assert.Single(predecessors, p => p is null);
        Assert.Equal(4, predecessors.OfType<string>().Distinct().Count());
    }

    [Fact]
    public async Task DeletingTheMiddleSessionOfThreeOrTheNewestIsReported()
    {
        await using var h = await ExecHarness.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(0, (await h.ExecAsync(["hi"], sovHome: _home.FullName)).ExitCode);
        }

        var byStart = Sessions().OrderBy(s => Predecessor(s) is null ? 0 : 1).ToList();
        var chain = new List<string> { byStart[0] };
        while (Sessions().FirstOrDefault(s => Predecessor(s) == chain[^1]) is { } next)
        {
            chain.Add(next);
        }

        File.Delete(Path.Combine(JournalDir, chain[1] + ".jsonl"));
        var verify = await Verify();
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"CHAIN    {chain[2]}  follows session {chain[1]}, whose journal is missing", verify.Stdout, StringComparison.Ordinal);

        File.Delete(Path.Combine(JournalDir, chain[^1] + ".jsonl"));
        verify = await Verify();
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"the newest session {chain[^1]} (named by the anchor file .head) is missing", verify.Stdout, StringComparison.Ordinal);
    }
}
