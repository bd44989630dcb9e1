using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov prompt</c>: Show the exact system prompt sent to the model.</summary>
internal static class PromptCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "prompt", "Show the exact system prompt sent to the model", "It will print the system prompt verbatim.");
}
