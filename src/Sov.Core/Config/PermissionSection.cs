using Sov.Core.Permissions;

namespace Sov.Core.Config;

/// <summary>The <c>[permissions]</c> table of one config file, type-checked (<see cref="PermissionSettings"/> applies it).</summary>
public sealed record PermissionSection(
    PermissionMode? Mode,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Ask,
    IReadOnlyList<string> Deny,
    IReadOnlyList<string> Environment)
{
    public static PermissionSection Empty { get; } = new(null, [], [], [], []);

    public static PermissionSection Read(ConfigSection? table)
    {
        if (table is null)
        {
            return Empty;
        }

        var text = table.Text("mode");
        PermissionMode? mode = text is null ? null
            : PermissionModes.TryParse(text, out var parsed) ? parsed
            : throw table.Bad("mode", $"permissions.mode '{text}' is not one of {string.Join(", ", PermissionModes.Names)}.",
                "Use read-only, ask, auto-edit or full-auto.");
        return new PermissionSection(mode, table.Strings("allow"), table.Strings("ask"), table.Strings("deny"), table.Strings("env"));
    }
}
