using System.CommandLine;
using Sov.Borders.FileSystem;
using Sov.Borders.Policy;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Policy;

namespace Sov.Cli.Commands;

/// <summary><c>sov policy show</c>: the managed policy in force (#20) and what it makes of your config, value by value.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("policy", "Show the managed policy your administrator set, and what it does to your config");
        var mode = new Option<string?>("--mode") { Description = "Show the effect on this permission mode, as if passed to a session" };
        var show = new Command("show", $"Print the effective policy and where each value came from (the policy file is {PolicyFile.BuiltInPath}, fixed at build time)")
        {
            mode,
        };
        show.SetAction(r =>
        {
            var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
            var mine = SovConfigReader.Read(context.Paths, workspace);
            var settings = ConfigLoader.Load(context.Config(workspace), context.Environment);
            var policy = context.Policy;
            if (!policy.InForce)
            {
                context.Out.WriteLine($"Policy file: {PolicyFile.BuiltInPath} (absent)");
            }

            foreach (var line in PolicyReport.Lines(policy, mine, settings, r.GetValue(mode)))
            {
                context.Out.WriteLine(line);
            }

            return Core.ExitCodes.Ok;
        });
        command.Subcommands.Add(show);
        return command;
    }
}
