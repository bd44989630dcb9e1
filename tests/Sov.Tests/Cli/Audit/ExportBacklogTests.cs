using Sov.Cli.Audit;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Audit.Records;
using Sov.Core.Config;
using Sov.Tests.Audit;

namespace Sov.Tests.Cli.Audit;

/// <summary>#20: the spool's bound: over it, a start says so; with export forced by the policy, no new session starts.</summary>
public sealed class ExportBacklogTests : IDisposable
{
    private static readonly Uri Collector = new("http://127.0.0.1:4318");
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-backlog-").FullName;

    public ExportBacklogTests()
    {
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Append(new NoticeRecord("info", new string('x', 1500)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BorderConfig Borders(bool forced, long cap) => BorderConfig.Empty with
    {
        ExportEndpoint = Collector,
        Export = new AuditExportSection(Collector) { Forced = forced, Settings = new ExportSettings { MaxBacklogBytes = cap } },
    };

    [Fact]
    public void WithinTheBoundNothingIsSaid() => Assert.Null(ExportBacklog.Check(_dir, Borders(forced: true, cap: 1 << 20)));

    [Fact]
    public void OverTheBoundAStartWarnsAndDropsNothing()
    {
        var warning = ExportBacklog.Check(_dir, Borders(forced: false, cap: 1000));
        Assert.NotNull(warning);
        Assert.Contains("has not acknowledged", warning, StringComparison.Ordinal);
        Assert.Contains("Nothing is dropped", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void OverTheBoundAForcedExportRefusesNewSessionsWithExitThree()
    {
        var refused = Assert.Throws<SovException>(() => ExportBacklog.Check(_dir, Borders(forced: true, cap: 1000)));
        Assert.Equal(ExitCodes.Environment, refused.ExitCode);
        Assert.Contains("managed policy requires journal export", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACollectorThereIsNoBound() => Assert.Null(ExportBacklog.Check(_dir, BorderConfig.Empty));
}
