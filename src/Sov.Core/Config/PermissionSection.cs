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
                "Use plan, read-only, ask, auto-edit or full-auto.");
        return new PermissionSection(mode, Rules(table, "allow"), Rules(table, "ask"), Rules(table, "deny"), table.Strings("env"));
    }

    /// <summary>A list of rules, each checked here so that a malformed one is reported with its file and line.</summary>
    private static IReadOnlyList<string> Rules(ConfigSection table, string name)
    {
        var rules = table.Strings(name);
        foreach (var rule in rules)
        {
            try
            {
                PermissionRule.Parse(rule);
            }
            catch (ConfigException e)
            {
                throw table.Bad(name, e.Message, e.Remedy);
            }
        }

        return rules;
    }
}
