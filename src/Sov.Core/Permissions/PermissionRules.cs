namespace Sov.Core.Permissions;

/// <summary>
/// The <c>allow</c>, <c>ask</c> and <c>deny</c> lists of the <c>[permissions]</c> config section.
/// Deny beats ask beats allow. A project's config may only narrow: its <c>allow</c> list is ignored,
/// its <c>ask</c> and <c>deny</c> entries are added.
/// </summary>
public sealed record PermissionRules(
    IReadOnlyList<PermissionRule> Allow,
    IReadOnlyList<PermissionRule> Ask,
    IReadOnlyList<PermissionRule> Deny)
{
    public static PermissionRules Empty { get; } = new([], [], []);

    public static PermissionRules Parse(IEnumerable<string>? allow, IEnumerable<string>? ask, IEnumerable<string>? deny) =>
        new(
            (allow ?? []).Select(PermissionRule.Parse).ToList(),
            (ask ?? []).Select(PermissionRule.Parse).ToList(),
            (deny ?? []).Select(PermissionRule.Parse).ToList());

    /// <summary>The person's rules narrowed by a project's: project allow entries are dropped.</summary>
    public PermissionRules NarrowedBy(PermissionRules project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new PermissionRules(Allow, [.. Ask, .. project.Ask], [.. Deny, .. project.Deny]);
    }

    public IEnumerable<PermissionRule> Of(IReadOnlyList<PermissionRule> list, RuleKind kind) =>
        list.Where(r => r.Kind == kind);
}
