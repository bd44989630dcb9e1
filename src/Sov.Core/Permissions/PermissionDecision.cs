namespace Sov.Core.Permissions;

/// <summary>
/// The policy's answer and why, in words the person (and the model) can read. <see cref="Unsandboxed"/>
/// marks a shell command that would run without bubblewrap: it always needs explicit approval.
/// <see cref="Rule"/> is the configured rule that decided (as <c>deny read:secrets/**</c>), or null when
/// the mode or the border itself decided.
/// </summary>
public sealed record PermissionDecision(Verdict Verdict, string Reason, bool Unsandboxed = false, string? Rule = null)
{
    public static PermissionDecision Allow(string reason) => new(Verdict.Allow, reason);
    public static PermissionDecision Ask(string reason) => new(Verdict.Ask, reason);
    public static PermissionDecision Deny(string reason) => new(Verdict.Deny, reason);

    /// <summary>The stricter of two decisions (deny beats ask beats allow); the first wins a tie.</summary>
    public PermissionDecision Strictest(PermissionDecision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Verdict > Verdict ? other with { Unsandboxed = other.Unsandboxed || Unsandboxed } : this;
    }
}
