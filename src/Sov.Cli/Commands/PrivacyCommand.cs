using System.CommandLine;
using Sov.Cli.Audit;

namespace Sov.Cli.Commands;

/// <summary><c>sov privacy</c>: Show what leaves this machine, and to where.</summary>
internal static class PrivacyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("privacy", "Show what leaves this machine, and to where");
        command.SetAction(_ => PrivacyReport.Run(context));
        return command;
    }
}
