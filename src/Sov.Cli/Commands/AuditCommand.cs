using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov audit</c>: Verify, show and export the tamper-evident journal.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "audit", "Verify, show and export the tamper-evident journal", "It will verify, show and export the hash-chained journal.");
}
