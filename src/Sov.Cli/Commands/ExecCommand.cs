using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov exec</c>: Run one task headless and print the answer (for scripts and CI).</summary>
internal static class ExecCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "exec", "Run one task headless and print the answer (for scripts and CI)", "It will run a task headless against your model endpoint.");
}
