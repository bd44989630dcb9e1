namespace Sov.Core.Agent.Events;

/// <summary>
/// The model handed over its plan (#17: the <c>exit_plan</c> call <paramref name="CallId"/>, in plan mode). With a person
/// there an <see cref="ApprovalRequested"/> of kind <see cref="ApprovalKind.Plan"/> follows; in <c>sov exec</c> the plan is the
/// run's answer and nothing is written.
/// </summary>
public sealed record PlanProposed(string CallId, string Plan) : AgentEvent;
