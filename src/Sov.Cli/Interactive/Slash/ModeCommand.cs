using Sov.Cli.Terminal;
using Sov.Core.Audit.Records;
using Sov.Core.Permissions;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/mode</c> shows the permission mode; <c>/mode NAME</c> switches it (journaled: the journal states the mode in effect, #14).</summary>
internal sealed class ModeCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["mode"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var surface = session.Surface;
        if (arguments.Length == 0)
        {
            surface.WriteLine($"mode {session.Gate.Mode.Name()} (choices: {string.Join(", ", PermissionModes.Names)}; Shift+Tab cycles ask, auto-edit, plan)");
        }
        else if (PermissionModes.TryParse(arguments, out var mode))
        {
            Switch(session, mode, "/mode");
        }
        else
        {
            surface.WriteLine($"Unknown mode '{arguments}'. Choose one of: {string.Join(", ", PermissionModes.Names)}.", Style.Warning);
        }

        return Task.FromResult<int?>(null);
    }

    /// <summary>
    /// Switches the session's mode (the one gate the loop asks), journals it with what switched it (<paramref name="by"/>:
    /// <c>/mode</c>, <c>/plan</c>, <c>shift+tab</c>) and says so; returns false when it was refused (and says why).
    /// </summary>
    public static bool Switch(SlashContext session, PermissionMode mode, string by)
    {
        var (surface, gate) = (session.Surface, session.Gate);
        var refused = gate.SwitchMode(mode);
        if (refused is null)
        {
            session.Agent.Journal.Journal.Append(new PermissionModeRecord(gate.Mode.Name()) { By = by });
        }

        var said = mode == PermissionMode.Plan
            ? "mode is now plan: the model reads and plans, and writes nothing until you approve its plan"
            : $"mode is now {gate.Mode.Name()}";
        surface.WriteLine(refused ?? said, refused is null ? Style.Plain : Style.Warning);
        return refused is null;
    }
}
