using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Permissions;
using Sov.Core.Tools.Planning;

namespace Sov.Core.Agent;

/// <summary>
/// Plan mode's end (#17): the model's <c>exit_plan</c> is shown (<see cref="PlanProposed"/>); with a person there it is
/// asked as an approval of kind <see cref="ApprovalKind.Plan"/>, the mode they choose is switched to (<see cref="ModeChanged"/>,
/// journaled) and the plan is carried into the next prompt. With nobody there (<c>sov exec</c>) the plan is the run's
/// answer and the mode stays. Outside plan mode the call is refused: there is nothing to exit.
/// </summary>
internal sealed class PlanHandoff(IPermissionModes? modes, PendingApprovals approvals, Action<AgentEvent> emit)
{
    private readonly Lock _gate = new();
    private string? _carried;
    private string? _proposed;

    /// <summary>Whether the session is planning now (only then is <c>exit_plan</c> offered).</summary>
    public bool Planning => modes?.Mode == PermissionMode.Plan;

    public async Task<PlanAnswer> ProposeAsync(string callId, string plan, CancellationToken cancellationToken)
    {
        if (modes is null || !Planning)
        {
            return new PlanAnswer(false, null, "the session is not in plan mode, so there is nothing to approve; carry on with the task", false);
        }

        emit(new PlanProposed(callId, plan));
        lock (_gate)
        {
            _proposed = plan;
        }

        if (!modes.PersonDecides)
        {
            return new PlanAnswer(true, null, null, true);
        }

        var request = new ApprovalRequested(callId, "exit_plan", plan, "approve the plan, and choose the mode to carry it out in", ApprovalKind.Plan);
        var (approved, reason, chosen) = await approvals.AskWithModeAsync(request, cancellationToken).ConfigureAwait(false);
        if (!approved)
        {
            return new PlanAnswer(false, null, reason, false);
        }

        var mode = PermissionModes.TryParse(chosen, out var parsed) && parsed != PermissionMode.Plan ? parsed : PermissionMode.Ask;
        if (modes.SwitchMode(mode) is { } refused)
        {
            // The narrower fallbacks, as far as the managed policy allows (review of #20); else the session stays planning.
            mode = new[] { PermissionMode.Ask, PermissionMode.ReadOnly }.FirstOrDefault(m => m < mode && modes.SwitchMode(m) is null, modes.Mode);
            emit(new Warning($"{refused} The session goes on in {mode.Name()} mode."));
        }

        emit(new ModeChanged(mode.Name(), "plan"));
        lock (_gate)
        {
            _carried = plan;
        }

        return new PlanAnswer(true, mode.Name(), null, true);
    }

    /// <summary>The plan last handed over (the answer of the turn it ends), taken once.</summary>
    public string? TakeProposed()
    {
        lock (_gate)
        {
            var plan = _proposed;
            _proposed = null;
            return plan;
        }
    }

    /// <summary>
    /// The next prompt with the approved plan before it (taken once); in plan mode with a note that says so (the model
    /// learns it is planning before it tries a write); else the prompt as it is.
    /// </summary>
    public string Carry(string prompt)
    {
        string? plan;
        lock (_gate)
        {
            (plan, _carried) = (_carried, null);
        }

        if (plan is not null)
        {
            return $"[Sovereign: the person approved your plan and switched to {modes?.Mode.Name()} mode. Carry it out now.]\nThe approved plan:\n{plan}\n\n{prompt}";
        }

        return Planning
            ? "[Sovereign: plan mode. Read and search only: nothing is written and no command runs. When your plan is ready, call exit_plan with it.]\n\n" + prompt
            : prompt;
    }
}
