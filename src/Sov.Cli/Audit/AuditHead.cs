using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Cli.Audit;

/// <summary><c>sov audit head [SESSION]</c>: <c>SESSION SEQ HASH</c> of the chain's last record, to anchor elsewhere.</summary>
internal static class AuditHead
{
    public static int Run(CliContext context, string? session)
    {
        var dir = context.Paths.JournalDir;
        var id = JournalSelection.Resolve(dir, session, all: false)[0];
        var result = JournalVerifier.Verify(JournalFiles.PathOf(dir, id));
        context.Out.WriteLine($"{id} {result.Records} {result.HeadHash}");
        if (!result.Intact)
        {
            context.Error.WriteLine($"sov audit head: the chain is broken: {result.Problem}");
            context.Error.WriteLine("  The head printed is the last record that verified; run 'sov audit verify' for detail.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}
