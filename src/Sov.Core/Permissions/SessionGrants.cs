using System.Collections.Concurrent;

namespace Sov.Core.Permissions;

/// <summary>
/// What the person allowed "always" in this session: each grant is one narrow rule in the documented
/// syntax (<c>read:PATH</c>, <c>write:PATH</c>, <c>shell:COMMAND</c>, <c>mcp:SERVER/TOOL</c>) matched
/// exactly, never as a glob, so allowing <c>write:src/*.cs</c> (a file with a star in its name) allows that
/// one file only. A grant is an allow: the policy consults it only where it would otherwise ask for want of an
/// allow rule, so it never overrides a deny (rule, mode or border) or a configured ask rule.
/// (Pinned bug: issue #12 item 3, one "always" on read_file added <c>read_file:*</c> and silenced an ask rule.)
/// </summary>
public sealed class SessionGrants
{
    private readonly ConcurrentDictionary<PermissionRule, byte> _rules = new();

    public SessionGrants()
    {
    }

    private SessionGrants(IEnumerable<PermissionRule> rules)
    {
        foreach (var rule in rules)
        {
            _rules[rule] = 0;
        }
    }

    public IReadOnlyCollection<PermissionRule> Rules => [.. _rules.Keys];

    public void Add(PermissionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules[rule] = 0;
    }

    /// <summary>A copy with <paramref name="rule"/> added (to try what a grant would do without making it).</summary>
    public SessionGrants With(PermissionRule rule) => new([.. _rules.Keys, rule]);

    public bool Has(RuleKind kind, string subject) => _rules.ContainsKey(new PermissionRule(kind, subject));

    /// <summary>Allow when granted, else the ask as it was.</summary>
    internal PermissionDecision Or(RuleKind kind, string subject, PermissionDecision ask)
    {
        var rule = new PermissionRule(kind, subject);
        return _rules.ContainsKey(rule)
            ? PermissionDecision.Allow($"allowed always in this session ('{rule}')") with { Rule = $"allow {rule} (this session)", Unsandboxed = ask.Unsandboxed }
            : ask;
    }
}
