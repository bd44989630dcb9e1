using Sov.Cli.Terminal;
using Sov.Core.Audit;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/audit</c>: the journal's head and whether its chain is intact so far.</summary>
internal sealed class AuditHeadCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["audit"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var journal = session.Agent.Journal.Journal;
        var head = journal.Head;
        var check = JournalVerifier.Verify(journal.FilePath);
        var surface = session.Surface;
        // Short rows, one fact each, so nothing wraps mid-word on a narrow terminal (#15.9).
        surface.WriteLine($"journal  {head.Session} · {head.Seq} records", Style.Dim);
        surface.WriteLine($"head     {head.Hash}", Style.Dim);
        surface.WriteLine("chain    " + (check.Intact ? "intact" : $"BROKEN at seq {check.FirstBadSeq}"), Style.Dim);
        surface.WriteLine("         sealed when the session ends; 'sov audit verify' checks it then", Style.Dim);
        return Task.FromResult<int?>(null);
    }
}
