using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov doctor</c>: Check the endpoint, sandbox and configuration.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "doctor", "Check the endpoint, sandbox and configuration", "It will check the endpoint, bubblewrap and config.");
}
