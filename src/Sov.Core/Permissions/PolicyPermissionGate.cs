using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Permissions;

/// <summary>
/// The agent loop's permission hook backed by <see cref="PermissionPolicy"/>. A call is judged by what it says it
/// touches (<see cref="ToolCallRequest.Effect"/>), never by its tool's name: a write as a write of the path
/// (resolved by the file border), a command by the command classifier, an MCP call by <c>mcp:</c> rules and the mode,
/// a read as a read of its path (and where a symlink leads), a call that touches nothing is free, and one that does
/// not say is asked about. Every decision is reported with its reason. With nobody to ask (<paramref name="headless"/>,
/// as in <c>sov exec</c>) every Ask becomes a Deny that says so.
/// </summary>
public sealed class PolicyPermissionGate(PermissionPolicy policy, Workspace workspace, bool headless) : IPermissionGate
{
    public PermissionPolicy Policy { get; } = policy;

    public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decided = Decide(request);
        var decision = decided with { DecidedBy = decided.Rule is null ? "mode" : "rule" };
        if (headless && decision.Verdict == Verdict.Ask)
        {
            // An ask rule still decided it; otherwise the headless mode did.
            decision = decision with { Verdict = Verdict.Deny, Reason = HeadlessRefusal(request.Effect, decision), Unsandboxed = false };
        }

        return ValueTask.FromResult(decision);
    }

    /// <summary>
    /// Why a call that would ask is refused with nobody to ask, in words for the person reading the log as
    /// much as for the model (#15.6): what decided (the mode or an ask rule), and which mode would let it run.
    /// </summary>
    private string HeadlessRefusal(ToolEffect effect, PermissionDecision asked)
    {
        var mode = Policy.Mode.Name();
        var by = asked.DecidedBy == "rule" && asked.Rule is { } rule ? $"the ask rule '{rule}' covers it" : $"{mode} mode asks before it";
        var wider = effect is RunCommand or ExternalServer ? "full-auto" : "auto-edit";
        var hint = asked.DecidedBy == "rule" ? "remove or narrow that rule" : $"run with --mode {wider} to allow such calls";
        return $"{asked.Explanation}; {by}, and a headless run has nobody to ask ({hint})";
    }

    private PermissionDecision Decide(ToolCallRequest request)
    {
        try
        {
            return request.Effect switch
            {
                WritePath write => Policy.DecideWrite(Access(write.Path)),
                RunCommand run => Policy.DecideShell(run.Command),
                ExternalServer mcp => Policy.DecideMcp(mcp.Server, mcp.Tool),
                ReadPath read => DecideRead(read.Path),
                Network { Listed: true } net => PermissionDecision.Allow($"{net.Origin} is in your [web] allow list"),
                Network { Listed: false } net => PermissionDecision.Deny($"{net.Origin} is not in your [web] allow list"),
                Network net => Policy.DecideNetwork(net.Origin),
                NoEffect => PermissionDecision.Allow($"{request.Tool.Name} changes nothing"),
                _ => Policy.DecideUnknown(request.Tool.Name),
            };
        }
        catch (WorkspaceException e)
        {
            return PermissionDecision.Deny(e.Message);
        }
    }

    /// <summary>
    /// The narrowest rules an "always" answer to <paramref name="request"/> adds: this MCP tool, this exact
    /// command, this path (for a read, each of the path as written and where it leads that asked). Empty when
    /// the call does not ask, or when even these grants would not let it run: a deny, or a configured ask
    /// rule, which asks every time (a session grant is an allow; deny beats ask beats allow).
    /// </summary>
    public IReadOnlyList<PermissionRule> AlwaysRules(ToolCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Decide(request).Verdict != Verdict.Ask)
        {
            return [];
        }

        List<PermissionRule> rules;
        try
        {
            rules = request.Effect switch
            {
                ExternalServer mcp => [new PermissionRule(RuleKind.Mcp, $"{mcp.Server}/{mcp.Tool}")],
                WritePath write => [new PermissionRule(RuleKind.Write, Access(write.Path).RulePath)],
                RunCommand run => [new PermissionRule(RuleKind.Shell, run.Command)],
                ReadPath read => ReadAccesses(read.Path)
                    .Where(a => Policy.DecideRead(a).Verdict == Verdict.Ask).Select(a => new PermissionRule(RuleKind.Read, a.RulePath)).Distinct().ToList(),
                _ => [],
            };
        }
        catch (WorkspaceException)
        {
            return [];
        }

        var grants = rules.Aggregate(Policy.Grants, (g, r) => g.With(r));
        var trial = new PolicyPermissionGate(new PermissionPolicy(Policy.Mode, Policy.Rules, Policy.SandboxAvailable) { Grants = grants, MaxMode = Policy.MaxMode, EditorTerminal = Policy.EditorTerminal }, workspace, headless);
        return rules.Count > 0 && trial.Decide(request).Verdict == Verdict.Allow ? rules : [];
    }

    /// <summary>A read of the path as written and, when a symlink leads elsewhere, of where it really leads: the stricter decides.</summary>
    private PermissionDecision DecideRead(string path) =>
        ReadAccesses(path).Select(Policy.DecideRead).Aggregate((a, b) => a.Strictest(b));

    private IEnumerable<PathAccess> ReadAccesses(string path)
    {
        var p = workspace.Inspect(path);
        yield return new PathAccess(p.Display, p.Inside, p.Protected);
        if (p.RealPath != p.FullPath)
        {
            var real = workspace.Contains(p.RealPath) ? workspace.Relative(p.RealPath) : p.RealPath;
            yield return new PathAccess(real, workspace.Contains(p.RealPath), p.Protected);
        }
    }

    private PathAccess Access(string path)
    {
        var p = workspace.Inspect(path);
        return new PathAccess(p.Display, p.Inside, p.Protected);
    }
}
