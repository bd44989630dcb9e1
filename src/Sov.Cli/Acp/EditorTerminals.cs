using Sov.Core.Config;

namespace Sov.Cli.Acp;

/// <summary>
/// Whether an editor session's shell commands run in the editor's terminal (#18): only when the user's own config.toml
/// says <c>[acp] editor_terminal = true</c> (a project's cannot), the editor offers <c>terminal</c> in <c>initialize</c>,
/// and the managed policy does not require the sandbox (<c>permissions.require_sandbox</c>). Otherwise in the sandbox,
/// as always. The note (for stderr) says which, when the key is set.
/// </summary>
internal static class EditorTerminals
{
    public static (bool Use, string? Note) Decide(SovConfig config, bool offered)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Acp.EditorTerminal)
        {
            return (false, null);
        }

        if (config.Policy.RequireSandbox)
        {
            return (false, $"{config.Policy.Cite("permissions.require_sandbox")} requires the sandbox, so [acp] editor_terminal is ignored: shell commands run in the sandbox.");
        }

        return offered
            ? (true, "shell commands run in the editor's terminal, UNSANDBOXED ([acp] editor_terminal = true): each one is asked about.")
            : (false, "[acp] editor_terminal is set, but the editor does not offer terminals: shell commands run in the sandbox.");
    }
}
