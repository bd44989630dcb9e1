using Sov.Core.Config;

namespace Sov.Core.Permissions;

/// <summary>
/// The <c>[permissions]</c> config section: <c>mode</c>, <c>allow</c>, <c>ask</c>, <c>deny</c> and
/// <c>env</c> (extra variable names shell commands receive). The user config sets them; a project's
/// <c>.sov/config.toml</c> may only narrow: a narrower mode, more ask and deny rules; its allow list and
/// env are ignored. A <c>--mode</c> flag wins over the user config, but a project can still narrow it, and the
/// managed policy narrows everything (#20).
/// </summary>
public sealed record PermissionSettings(PermissionMode Mode, PermissionRules Rules, IReadOnlyList<string> Environment)
{
    /// <summary>The settings from the typed configuration (<see cref="SovConfigReader"/>) and the <c>--mode</c> flag.</summary>
    public static PermissionSettings From(SovConfig config, string? modeFlag)
    {
        ArgumentNullException.ThrowIfNull(config);
        var user = config.Permissions;
        var project = config.ProjectPermissions;
        var mode = ParseMode(modeFlag, "--mode") ?? user.Mode ?? PermissionMode.Ask;
        if (project.Mode is { } projectMode)
        {
            mode = PermissionModes.Narrowest(mode, projectMode);
        }

        // The managed policy (#20) narrows last: its cap, its ask and deny rules, its list of variables.
        var policy = config.Policy;
        string? note = null;
        if (policy.MaxMode is { } max && mode > max)
        {
            note = $"{policy.Cite("permissions.max_mode")} allows at most {max.Name()}: running in {max.Name()}, not {mode.Name()} (from {(modeFlag is null ? "your config" : "--mode")}).";
            mode = max;
        }

        var rules = PermissionRules.Parse(user.Allow, user.Ask, user.Deny)
            .NarrowedBy(PermissionRules.Parse([], project.Ask, project.Deny))
            .NarrowedBy(PermissionRules.Parse([], policy.Ask, policy.Deny));
        var environment = policy.Environment is { } allowed ? [.. user.Environment.Where(allowed.Contains)] : user.Environment;
        return new PermissionSettings(mode, rules, environment) { PolicyNote = note };
    }

    /// <summary>One line when the managed policy lowered the mode asked for (the session says so on stderr).</summary>
    public string? PolicyNote { get; init; }

    public static PermissionMode? ParseMode(string? text, string where) =>
        text is null ? null
        : PermissionModes.TryParse(text, out var mode) ? mode
        : throw new ConfigException(
            $"Permission mode '{text}' (from {where}) is not one of {string.Join(", ", PermissionModes.Names)}.",
            "Use plan, read-only, ask, auto-edit or full-auto.");
}
