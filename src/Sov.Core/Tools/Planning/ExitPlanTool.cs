using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools.Planning;

/// <summary>
/// <c>exit_plan {plan}</c> (#17): in plan mode the model hands over its finished plan. The session asks the person to
/// approve it and to choose the mode to carry it out in; approved, the turn ends and the plan goes with the next prompt.
/// In <c>sov exec</c> the plan is the run's answer. Offered only in plan mode; it touches nothing.
/// </summary>
public sealed class ExitPlanTool : ITool
{
    public string Name => "exit_plan";

    public string Description => "Plan mode: hand over your finished plan (Markdown steps) for the person to approve. Nothing is written before they do.";

    public ToolSchema Schema { get; } = new(new ToolParameter("plan", ToolParameterType.String, "", Required: true));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) => ToolEffect.None;

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var plan = arguments.GetString("plan")?.Trim() ?? "";
        if (plan.Length == 0)
        {
            return ToolOutput.Error("The plan is empty: call exit_plan with the plan's text.");
        }

        if (context.ProposePlanAsync is not { } propose)
        {
            return ToolOutput.Error("This session takes no plans: carry on with the task.");
        }

        var answer = await propose(plan, cancellationToken).ConfigureAwait(false);
        if (answer.Approved && answer.Mode is { } mode)
        {
            return ToolOutput.Ok($"The person approved the plan and switched to {mode} mode. This turn ends here; carry the plan out in the next one.") with { EndsTurn = true };
        }

        if (answer.Approved)
        {
            return ToolOutput.Ok("The plan is this run's answer (a headless plan-mode run writes nothing). Stop here.") with { EndsTurn = true };
        }

        return ToolOutput.Error($"The plan was not approved{(answer.Reason is { Length: > 0 } why ? ": " + why : "")}. " +
            "You are still in plan mode: revise the plan and call exit_plan again, or ask what the person wants.");
    }
}
