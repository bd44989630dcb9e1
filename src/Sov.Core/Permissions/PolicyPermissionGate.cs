using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Tools.Mcp;
using Decision = Sov.Core.Agent.Permission.PermissionDecision;

namespace Sov.Core.Permissions;

/// <summary>
/// The agent loop's permission hook backed by <see cref="PermissionPolicy"/>: write_file and edit_file
/// are judged as writes of the path they name (resolved by the file border), shell by the command
/// classifier, the plan (todo) is free, other read-only tools as reads of their path. Every decision
/// is reported with its reason. With nobody to ask (<paramref name="headless"/>, as in <c>sov exec</c>)
/// every Ask becomes a Deny that says so.
/// </summary>
public sealed class PolicyPermissionGate(PermissionPolicy policy, Workspace workspace, bool headless) : IPermissionGate
{
    public PermissionPolicy Policy { get; } = policy;

    public ValueTask<Decision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = Map(Decide(request));
        if (headless && decision.Verdict == PermissionVerdict.Ask)
        {
            // An ask rule still decided it; otherwise the headless mode did.
            decision = Decision.Deny(HeadlessRefusal(request.Tool.Name, decision)) with
            {
                DecidedBy = decision.DecidedBy,
                Rule = decision.Rule,
            };
        }

        return ValueTask.FromResult(decision);
    }

    /// <summary>
    /// Why a call that would ask is refused with nobody to ask, in words for the person reading the log as
    /// much as for the model (#15.6): what decided (the mode or an ask rule), and which mode would let it run.
    /// </summary>
    private string HeadlessRefusal(string tool, Decision asked)
    {
        var mode = Policy.Mode.Name();
        var by = asked.DecidedBy == "rule" && asked.Rule is { } rule ? $"the ask rule '{rule}' covers it" : $"{mode} mode asks before it";
        var wider = tool == "shell" || tool.StartsWith("mcp__", StringComparison.Ordinal) ? "full-auto" : "auto-edit";
        var hint = asked.DecidedBy == "rule" ? "remove or narrow that rule" : $"run with --mode {wider} to allow such calls";
        return $"{asked.Reason}; {by}, and a headless run has nobody to ask ({hint})";
    }

    private Permissions.PermissionDecision Decide(ToolCallRequest request)
    {
        var args = request.Arguments;
        try
        {
            if (request.Tool is McpTool mcp)
            {
                return Policy.DecideMcp(mcp.Server, mcp.ToolName);
            }

            switch (request.Tool.Name)
            {
                case "write_file" or "edit_file":
                    return Policy.DecideWrite(Access(args.GetString("path") ?? ""));
                case "shell":
                    return Policy.DecideShell(args.GetString("command") ?? "");
                case "todo":
                    return Permissions.PermissionDecision.Allow("the plan changes nothing");
                default:
                    return request.Tool.IsReadOnly
                        ? DecideRead(args.GetString("path") ?? ".")
                        : Permissions.PermissionDecision.Ask($"{request.Tool.Name} may change things");
            }
        }
        catch (WorkspaceException e)
        {
            return Permissions.PermissionDecision.Deny(e.Message);
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
            rules = request.Tool is McpTool mcp ? [new PermissionRule(RuleKind.Mcp, $"{mcp.Server}/{mcp.ToolName}")]
                : request.Tool.Name switch
                {
                    "write_file" or "edit_file" => [new PermissionRule(RuleKind.Write, Access(request.Arguments.GetString("path") ?? "").RulePath)],
                    "shell" => [new PermissionRule(RuleKind.Shell, request.Arguments.GetString("command") ?? "")],
                    _ when request.Tool.IsReadOnly => ReadAccesses(request.Arguments.GetString("path") ?? ".")
                        .Where(a => Policy.DecideRead(a).Verdict == Verdict.Ask).Select(a => new PermissionRule(RuleKind.Read, a.RulePath)).Distinct().ToList(),
                    _ => [],
                };
        }
        catch (WorkspaceException)
        {
            return [];
        }

        var grants = rules.Aggregate(Policy.Grants, (g, r) => g.With(r));
        var trial = new PolicyPermissionGate(new PermissionPolicy(Policy.Mode, Policy.Rules, Policy.SandboxAvailable) { Grants = grants }, workspace, headless);
        return rules.Count > 0 && trial.Decide(request).Verdict == Verdict.Allow ? rules : [];
    }

    /// <summary>A read of the path as written and, when a symlink leads elsewhere, of where it really leads: the stricter decides.</summary>
    private Permissions.PermissionDecision DecideRead(string path) =>
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

    private static Decision Map(Permissions.PermissionDecision d)
    {
        var reason = d.Unsandboxed ? "UNSANDBOXED: " + d.Reason : d.Reason;
        var decision = d.Verdict switch
        {
            Verdict.Allow => Decision.Allow,
            Verdict.Deny => Decision.Deny(reason),
            _ => Decision.Ask(reason),
        };
        return decision with { DecidedBy = d.Rule is null ? "mode" : "rule", Rule = d.Rule };
    }
}
