using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;
using PermissionDecision = Sov.Core.Agent.Permission.PermissionDecision;

namespace Sov.Cli.Interactive;

/// <summary>
/// With a person at the keyboard: the permission policy (mode and allow/ask/deny rules; deny wins)
/// decides, and what it would ask about is asked, unless the person answered "always" for that tool
/// (and, for the shell, that exact command) earlier in this session. A deny is never overridden.
/// </summary>
internal sealed class InteractivePermissionGate(PolicyPermissionGate policy, Workspace workspace) : IPermissionGate
{
    private readonly HashSet<string> _always = new(StringComparer.Ordinal);
    private PolicyPermissionGate _policy = policy;

    public PermissionMode Mode => _policy.Policy.Mode;

    public async ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await _policy.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        return decision.Verdict == PermissionVerdict.Ask && _always.Contains(Key(request.Tool.Name, request.RawArguments))
            ? PermissionDecision.Allow with { DecidedBy = "rule", Rule = "allow " + Shown(request.Tool.Name, request.RawArguments) + " (this session)" }
            : decision;
    }

    /// <summary>Switches the mode for the rest of the session; full-auto needs the sandbox.</summary>
    public string? SwitchMode(PermissionMode mode)
    {
        var current = _policy.Policy;
        if (mode == PermissionMode.FullAuto && !current.SandboxAvailable)
        {
            return "full-auto needs the bubblewrap sandbox, which is unavailable here (sov doctor says why).";
        }

        _policy = new PolicyPermissionGate(new PermissionPolicy(mode, current.Rules, current.SandboxAvailable), workspace, headless: false);
        return null;
    }

    /// <summary>"Always for this session": the rule added, as shown to the person.</summary>
    public string AllowAlways(string tool, string rawArguments)
    {
        _always.Add(Key(tool, rawArguments));
        return Shown(tool, rawArguments);
    }

    private static string Shown(string tool, string rawArguments) => tool == "shell" ? $"shell:{rawArguments}" : $"{tool}:*";

    private static string Key(string tool, string rawArguments) => tool == "shell" ? "shell\0" + rawArguments : tool;
}
