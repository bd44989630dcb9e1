namespace Sov.Core.Permissions;

/// <summary>
/// The one answer to "may this run?", from the policy through the gates to the agent loop: the verdict and why,
/// in words the person (and, on a deny, the model) can read. <see cref="Unsandboxed"/> marks a shell command that
/// would run without bubblewrap: it always needs explicit approval, and <see cref="Explanation"/> says so.
/// <see cref="Rule"/> is the configured (or session) rule that decided, as <c>deny read:secrets/**</c>, or null when
/// the mode or the border itself decided; <see cref="DecidedBy"/> says which for the journal (<c>rule</c> or
/// <c>mode</c>; null leaves it to the journaling gate).
/// </summary>
public sealed record PermissionDecision(Verdict Verdict, string Reason, bool Unsandboxed = false, string? Rule = null)
{
    public string? DecidedBy { get; init; }

    /// <summary>The reason as shown to the person and the model: an unsandboxed command says so first.</summary>
    public string Explanation => Unsandboxed ? "UNSANDBOXED: " + Reason : Reason;

    public static PermissionDecision Allow(string reason = "") => new(Verdict.Allow, reason);

    public static PermissionDecision Ask(string reason) => new(Verdict.Ask, reason);

    public static PermissionDecision Deny(string reason) => new(Verdict.Deny, reason);

    /// <summary>The stricter of two decisions (deny beats ask beats allow); the first wins a tie.</summary>
    public PermissionDecision Strictest(PermissionDecision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Verdict > Verdict ? other with { Unsandboxed = other.Unsandboxed || Unsandboxed } : this;
    }
}
