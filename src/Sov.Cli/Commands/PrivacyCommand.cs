using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov privacy</c>: Show what leaves this machine, and to where.</summary>
internal static class PrivacyCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "privacy", "Show what leaves this machine, and to where", "It will list the hosts Sovereign may reach and what it sends.");
}
