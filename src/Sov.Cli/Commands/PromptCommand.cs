using Sov.Borders.FileSystem;
using System.CommandLine;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Prompts;

namespace Sov.Cli.Commands;

/// <summary><c>sov prompt show</c>: the system prompt exactly as it is in the repository (Prompts/SystemPrompt.md).</summary>
internal static class PromptCommand
{
    public static Command Create(CliContext context)
    {
        var withContext = new Option<bool>("--with-context")
        {
            Description = "Also show the environment part sent with it (workspace, OS family, UTC date, AGENTS.md, config instructions)",
        };
        var show = new Command("show", "Print the system prompt verbatim") { withContext };
        show.SetAction(parsed =>
        {
            if (!parsed.GetValue(withContext))
            {
                context.Out.Write(SystemPrompt.Template);
                return ExitCodes.Ok;
            }

            var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
            var settings = ConfigLoader.Load(context.Config(workspace), context.Environment);
            var environment = new EnvironmentContext(
                workspace.Root,
                EnvironmentContext.CurrentOsFamily(),
                DateOnly.FromDateTime(DateTime.UtcNow),
                Session.StartFiles.Instructions(context, workspace).Text);
            context.Out.Write(SystemPrompt.Build(environment, settings.Instructions) + Core.Skills.SkillsPrompt.Section(Session.StartFiles.Skills(context, workspace)));
            return ExitCodes.Ok;
        });
        var command = new Command("prompt", "Show the exact system prompt sent to the model") { show };
        command.SetAction(_ =>
        {
            context.Out.Write(SystemPrompt.Template);
            return ExitCodes.Ok;
        });
        return command;
    }
}
