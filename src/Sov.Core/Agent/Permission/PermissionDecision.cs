namespace Sov.Core.Agent.Permission;

/// <summary>A verdict and, for Deny and Ask, the reason shown to the person and (on Deny) sent to the model.</summary>
public sealed record PermissionDecision(PermissionVerdict Verdict, string Reason = "")
{
    public static PermissionDecision Allow { get; } = new(PermissionVerdict.Allow);

    public static PermissionDecision Deny(string reason) => new(PermissionVerdict.Deny, reason);

    public static PermissionDecision Ask(string reason) => new(PermissionVerdict.Ask, reason);
}
