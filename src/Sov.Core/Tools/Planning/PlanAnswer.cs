namespace Sov.Core.Tools.Planning;

/// <summary>
/// What became of a plan handed over with <c>exit_plan</c> (#17): <paramref name="Approved"/> and the mode the session is
/// now in (<paramref name="Mode"/>, its name), or why not (<paramref name="Reason"/>: the person's words, or that the
/// session is not planning); <paramref name="EndsTurn"/> when the turn ends with the plan as its answer.
/// </summary>
public sealed record PlanAnswer(bool Approved, string? Mode, string? Reason, bool EndsTurn);
