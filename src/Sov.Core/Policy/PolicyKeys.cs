namespace Sov.Core.Policy;

/// <summary>
/// Every key a policy file may hold (dotted; <c>*</c> is a name the administrator chooses). Others are warned
/// about with their line. New policy keys (a later feature's) are added here, parsed in <see cref="PolicyParser"/>.
/// </summary>
public static class PolicyKeys
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "model.endpoints", "model.models",
        "permissions.max_mode", "permissions.require_sandbox", "permissions.ask", "permissions.deny", "permissions.env",
        "mcp.servers.*.command", "mcp.servers.*.url",
        "redaction.patterns",
        "audit.export.endpoint",
        "hooks.allow_user_hooks",
        "web.hosts",
    ];
}
