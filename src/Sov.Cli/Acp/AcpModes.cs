using Sov.Cli.Acp.Wire;
using Sov.Core.Permissions;

namespace Sov.Cli.Acp;

/// <summary>The permission modes an editor is offered: only those the session may switch to (#18, review of #20).</summary>
internal static class AcpModes
{
    /// <summary>The modes up to the managed policy's <c>max_mode</c> (full-auto only with the sandbox), and <paramref name="current"/>.</summary>
    public static SessionModeState Offered(PermissionMode current, PermissionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(current.Name(), [.. PermissionModes.Names.Where(n => Allowed(n, policy)).Select(n => new SessionMode(n, n, Describe(n)))]);
    }

    /// <summary>Whether <paramref name="name"/> may be switched to: at most the policy's cap; full-auto only with the sandbox.</summary>
    public static bool Allowed(string name, PermissionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PermissionModes.TryParse(name, out var mode) && (policy.MaxMode is not { } max || mode <= max)
            && (mode != PermissionMode.FullAuto || policy.SandboxAvailable);
    }

    /// <summary>A line for each mode the editor lists (every name <see cref="PermissionModes"/> has; one added later is listed without).</summary>
    private static string? Describe(string mode) => mode switch
    {
        "read-only" => "Reads only; every change is refused",
        "ask" => "Reads freely; asks before every change and command",
        "auto-edit" => "Edits files in the workspace without asking; asks before commands",
        "full-auto" => "Edits and runs commands in the sandbox without asking",
        _ => null,
    };
}
