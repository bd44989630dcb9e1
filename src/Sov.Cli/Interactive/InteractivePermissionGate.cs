using System.Collections.Concurrent;
using Sov.Cli.Terminal;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;

namespace Sov.Cli.Interactive;

/// <summary>
/// With a person at the keyboard: the permission policy (mode and allow/ask/deny rules; deny wins)
/// decides, and what it would ask about is asked. "Always" adds the narrowest rule in the documented
/// syntax (this path, this command, this MCP tool; <see cref="PolicyPermissionGate.AlwaysRules"/>) to the
/// session's grants, which the policy treats as allow rules: they never override a deny or a configured ask
/// rule. Where no grant would help (an ask rule asks every time) "always" approves once and says why.
/// (Pinned bug: issue #12 item 3, "always" on one read_file allowed every read, past the person's ask rule.)
/// </summary>
internal sealed class InteractivePermissionGate(PolicyPermissionGate policy, Workspace workspace) : IPermissionGate, IPermissionModes
{
    private readonly ConcurrentDictionary<string, AskedCall> _asked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _granted = new(StringComparer.Ordinal);
    private PolicyPermissionGate _policy = policy;

    public PermissionMode Mode => _policy.Policy.Mode;

    /// <summary>The person at the keyboard approves plans and chooses the mode to carry them out in (#17).</summary>
    public bool PersonDecides => true;

    public async ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await _policy.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.Verdict == Verdict.Ask)
        {
            _asked[request.CallId] = new AskedCall(_policy.AlwaysRules(request), decision.Explanation, request.Effect, decision.Unsandboxed);
        }

        return decision;
    }

    /// <summary>
    /// Switches the mode for the rest of the session, keeping its grants; full-auto needs the sandbox, and no switch goes
    /// past the managed policy's cap (review of #20: <c>/mode</c>, Shift+Tab, a plan's approval and ACP's set_mode did).
    /// </summary>
    public string? SwitchMode(PermissionMode mode)
    {
        var current = _policy.Policy;
        if (current.MaxMode is { } max && mode > max)
        {
            return $"the managed policy allows at most {max.Name()} mode, so the mode stays {current.Mode.Name()}.";
        }

        if (mode == PermissionMode.FullAuto && !current.SandboxAvailable)
        {
            return "full-auto needs the bubblewrap sandbox, which is unavailable here (sov doctor says why).";
        }

        _policy = new PolicyPermissionGate(
            new PermissionPolicy(mode, current.Rules, current.SandboxAvailable) { Grants = current.Grants, MaxMode = current.MaxMode, EditorTerminal = current.EditorTerminal }, workspace, headless: false);
        return null;
    }

    /// <summary>The call <paramref name="callId"/> the policy asked about (what it touches, whether it would run unsandboxed); null when none.</summary>
    public AskedCall? Asked(string callId) => _asked.TryGetValue(callId, out var asked) ? asked : null;

    /// <summary>"Always for this session" for the call that asked: adds its narrowest rule(s) and says which, or why none.</summary>
    public string AllowAlways(string callId)
    {
        if (!_asked.TryRemove(callId, out var asked))
        {
            return "approved once (no rule added: this call was not asked about by the permission policy)";
        }

        if (asked.Rules.Count == 0)
        {
            return $"approved once; no rule added, as 'always' never overrides what asked here ({TerminalSafe.Line(asked.Reason)})";
        }

        foreach (var rule in asked.Rules)
        {
            _policy.Policy.Grants.Add(rule);
        }

        var shown = Shown(asked.Rules);
        _granted[callId] = shown;
        return "added rule for this session: " + TerminalSafe.Line(shown);
    }

    /// <summary>The "always" choice of the approval prompt for <paramref name="callId"/>, naming the rule it would add.</summary>
    public string AlwaysChoice(string callId)
    {
        if (!_asked.TryGetValue(callId, out var asked))
        {
            return "[a]lways this session";
        }

        if (asked.Rules.Count == 0)
        {
            return "[a]lways: only once here (no rule may override what asked)";
        }

        var shown = TerminalSafe.Line(Shown(asked.Rules));
        return $"[a]lways: {(shown.Length <= 80 ? shown : shown[..79] + "…")}";
    }

    private static string Shown(IEnumerable<PermissionRule> rules) => string.Join(", ", rules.Select(r => "allow " + r));

    /// <summary>The rule(s) an "always" answer to <paramref name="callId"/> added (for the journal), once; null when none.</summary>
    public string? TakeGranted(string callId)
    {
        _asked.TryRemove(callId, out _);
        return _granted.TryRemove(callId, out var shown) ? shown : null;
    }
}
