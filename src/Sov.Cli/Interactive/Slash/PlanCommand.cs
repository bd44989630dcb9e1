using Sov.Core.Permissions;

namespace Sov.Cli.Interactive.Slash;

/// <summary>
/// <c>/plan</c> (#17): switches to plan mode (journaled), where only reading runs and the model ends with a plan for
/// the person to approve; <c>/plan TASK</c> then sends TASK as the first prompt to plan.
/// </summary>
internal sealed class PlanCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["plan"];

    public async Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        if ((session.Gate.Mode == PermissionMode.Plan || ModeCommand.Switch(session, PermissionMode.Plan, "/plan")) && arguments.Length > 0)
        {
            await session.Turns.RunTurnAsync(arguments, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
