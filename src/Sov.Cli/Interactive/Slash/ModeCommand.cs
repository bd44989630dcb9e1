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
        var (surface, gate) = (session.Surface, session.Gate);
        if (arguments.Length == 0)
        {
            surface.WriteLine($"mode {gate.Mode.Name()} (choices: {string.Join(", ", PermissionModes.Names)})");
        }
        else if (PermissionModes.TryParse(arguments, out var mode))
        {
            var refused = gate.SwitchMode(mode);
            if (refused is null)
            {
                session.Agent.Journal.Journal.Append(new PermissionModeRecord(gate.Mode.Name()));
            }

            surface.WriteLine(refused ?? $"mode is now {gate.Mode.Name()}", refused is null ? Style.Plain : Style.Warning);
        }
        else
        {
            surface.WriteLine($"Unknown mode '{arguments}'. Choose one of: {string.Join(", ", PermissionModes.Names)}.", Style.Warning);
        }

        return Task.FromResult<int?>(null);
    }
}
