using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Prompts;
using Sov.Core.Skills;

namespace Sov.Cli.Session;

/// <summary>
/// The project files read at start (the AGENTS.md chain, custom commands) go through one file border with the
/// person's read rules, the same for every front door and for <c>sov prompt show</c> and <c>sov privacy</c>,
/// so what they show is what a session sends. The rules come from the user config narrowed by the project's.
/// </summary>
internal static class StartFiles
{
    public static ProjectFileBorder Border(CliContext context, Workspace workspace)
    {
        var permissions = PermissionSettings.From(context.Config(workspace), modeFlag: null);
        // Only the read rules are used here; the session's full policy comes later, with the sandbox probe.
        return new ProjectFileBorder(workspace, new PermissionPolicy(permissions.Mode, permissions.Rules, sandboxAvailable: false));
    }

    public static ProjectInstructions Instructions(CliContext context, Workspace workspace) =>
        ProjectInstructions.Load(context.Paths.ConfigDir, Border(context, workspace));

    /// <summary>The skills (#17): names and descriptions for the prompt, bodies read when the model asks.</summary>
    public static SkillCatalog Skills(CliContext context, Workspace workspace) =>
        SkillCatalog.Load(context.Paths.ConfigDir, Border(context, workspace));
}
