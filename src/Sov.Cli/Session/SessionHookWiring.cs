using Sov.Borders.Hooks;
using Sov.Borders.Processes;
using Sov.Cli.Borders;
using Sov.Core.Hooks;
using Sov.Core.Permissions;

namespace Sov.Cli.Session;

/// <summary>
/// The person's hooks (#17) for a session <see cref="SessionWiring"/> builds: from the user's config.toml only (and none when the managed policy turns them off), run by
/// the process border under the session's sandbox profile, journaled in the session's journal. Null when there are none.
/// </summary>
internal static class SessionHookWiring
{
    public static SessionHooks? For(CliContext context, PreparedAgent agent, SessionBorders borders)
    {
        var hooks = context.Config(agent.Workspace).Hooks.Hooks;
        if (hooks.Count == 0)
        {
            return null;
        }

        if (agent.Policy.AllowUserHooks is false)
        {
            context.Error.WriteLine($"sov: the {hooks.Count} hook(s) in your config.toml are not run: {agent.Policy.Cite("hooks.allow_user_hooks")} turns hooks off (#20).");
            return null;
        }

        var process = new HookProcess(borders.Sandbox, borders.SandboxAvailable, new ProcessRunner());
        var session = new HookSession(agent.SessionId, agent.Workspace.Root, borders.Gate.Policy.Mode.Name());
        return new SessionHooks(hooks, process, session, record => agent.Journal.Journal.Append(record));
    }
}
