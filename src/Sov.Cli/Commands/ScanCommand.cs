using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov scan</c>: Scan files for hidden Unicode, bidi tricks and control sequences.</summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "scan", "Scan files for hidden Unicode, bidi tricks and control sequences", "It will scan files for hidden Unicode and control sequences.");
}
