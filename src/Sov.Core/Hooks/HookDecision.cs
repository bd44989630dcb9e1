namespace Sov.Core.Hooks;

/// <summary>How one hook run answered, as the journal records it (<see cref="HookAnswer.DecisionName"/>).</summary>
public enum HookDecision
{
    /// <summary>Exit 0 without a decision (or any exit but 2 without one): go on.</summary>
    GoOn,

    /// <summary>Exit 2, or JSON <c>"decision": "block"</c> (or <c>permissionDecision: "deny"</c>, <c>continue: false</c>).</summary>
    Block,

    /// <summary>JSON <c>"decision": "approve"</c> (or <c>permissionDecision: "allow"</c>): go on; it never overrides a rule.</summary>
    Approve,

    /// <summary>The hook could not run, or exited with an error code other than 2.</summary>
    Error,

    /// <summary>The hook did not finish within its timeout and was killed.</summary>
    Timeout,
}
