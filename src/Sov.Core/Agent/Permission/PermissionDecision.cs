namespace Sov.Core.Agent.Permission;

/// <summary>
/// A verdict and, for Deny and Ask, the reason shown to the person and (on Deny) sent to the model.
/// <see cref="DecidedBy"/> says what decided, for the journal: <c>rule</c> (then <see cref="Rule"/> names it),
/// or <c>mode</c>; null leaves it to the journaling gate.
/// </summary>
public sealed record PermissionDecision(PermissionVerdict Verdict, string Reason = "", string? DecidedBy = null, string? Rule = null)
{
    public static PermissionDecision Allow { get; } = new(PermissionVerdict.Allow);

    public static PermissionDecision Deny(string reason) => new(PermissionVerdict.Deny, reason);

    public static PermissionDecision Ask(string reason) => new(PermissionVerdict.Ask, reason);
}
