using System.CommandLine;
using Sov.Core;

namespace Sov.Cli.Commands;

/// <summary>A registered command whose room is not built yet: says so plainly and exits 1.</summary>
internal static class NotYetBuilt
{
    public static Command Create(CliContext context, string name, string description, string plan)
    {
        var command = new Command(name, description);
        command.SetAction(_ =>
        {
            context.Error.WriteLine($"sov {name}: not built yet. {plan}");
            return ExitCodes.Failed;
        });
        return command;
    }
}
