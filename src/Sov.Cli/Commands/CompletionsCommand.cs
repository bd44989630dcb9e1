using System.CommandLine;
using Sov.Borders.Policy;
using Sov.Cli.Commands.Completions;
using Sov.Core;

namespace Sov.Cli.Commands;

/// <summary>
/// Hidden commands the packages are built with (#20): <c>sov completions bash|zsh|fish</c> prints the completion
/// script for that shell and <c>sov completions man</c> the sov(1) page, each generated from the parser's own
/// command tree, so they cannot drift from it.
/// </summary>
internal static class CompletionsCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish, or man for the manual page" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "man");
        var command = new Command("completions", "Print the shell completion script (bash, zsh, fish) or the man page") { Hidden = true };
        command.Arguments.Add(shell);
        command.SetAction(async (parse, _) =>
        {
            var tree = CommandTree.Walk(parse.RootCommandResult.Command);
            var text = parse.GetValue(shell) switch
            {
                "bash" => BashCompletion.Generate(tree, VersionInfo.Version),
                "zsh" => ZshCompletion.Generate(tree, VersionInfo.Version),
                "fish" => FishCompletion.Generate(tree, VersionInfo.Version),
                _ => ManPage.Generate(tree, VersionInfo.Version, PolicyFile.BuiltInPath),
            };
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
