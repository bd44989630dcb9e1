using Sov.Core.Hooks;

namespace Sov.Core.Config;

/// <summary>
/// The <c>[hooks]</c> block of the person's config.toml (#17): <c>timeout_seconds</c> for every hook (default 60), and
/// per event an array of hooks, <c>[[hooks.PreToolUse]]</c> with <c>command</c> (bash), <c>matcher</c> (a regular
/// expression on whole tool names; <c>*</c> or none for all), <c>timeout_seconds</c> and <c>sandbox</c> (default true).
/// Only the person's own file is read for hooks: they are programs, and a project's <c>.sov/config.toml</c> may not
/// add them (<see cref="SovConfigReader"/> ignores them there with a warning). A mistake is exit 3 naming file and
/// line: a hook that silently does not run would be a guard that is not there.
/// </summary>
public sealed record HooksSection(IReadOnlyList<HookDefinition> Hooks)
{
    public static HooksSection Empty { get; } = new([]);

    /// <summary>The keys one hook entry may have.</summary>
    public static readonly IReadOnlyList<string> EntryKeys = ["command", "matcher", "timeout_seconds", "sandbox"];

    public static HooksSection Read(ConfigSection? hooks)
    {
        if (hooks is null)
        {
            return Empty;
        }

        var timeout = hooks.Positive("timeout_seconds") is { } seconds ? TimeSpan.FromSeconds(Math.Min(seconds, 3600)) : HookDefinition.DefaultTimeout;
        var all = new List<HookDefinition>();
        foreach (var hookEvent in HookEvents.All)
        {
            var name = HookEvents.Name(hookEvent);
            var entries = hooks.Tables(name);
            for (var i = 0; i < entries.Count; i++)
            {
                var inner = entries[i].Has("hooks") ? Nested(entries[i]) : [entries[i]];
                for (var j = 0; j < inner.Count; j++)
                {
                    var label = inner.Count == 1 && !entries[i].Has("hooks") ? $"{name}[{i}]" : $"{name}[{i}].hooks[{j}]";
                    all.Add(Entry(hookEvent, inner[j], timeout, entries[i].Text("matcher")) with { Label = label });
                }
            }
        }

        return new HooksSection(all);
    }

    /// <summary>
    /// Claude Code's shape, a matcher group with its handlers: <c>matcher = "shell"</c> and <c>hooks = [{ type = "command",
    /// command = "...", timeout = 10 }]</c>; each handler becomes a hook with the group's matcher.
    /// </summary>
    private static IReadOnlyList<ConfigSection> Nested(ConfigSection group)
    {
        if (group.Keys.FirstOrDefault(k => k is not ("matcher" or "hooks")) is { } other)
        {
            throw group.Bad(other, $"'{other}' sits beside hooks = [...] in [[{group.Prefix}]].", "Put it inside each hook of the list, or write one [[" + group.Prefix + "]] per hook.");
        }

        var handlers = group.Tables("hooks");
        foreach (var handler in handlers)
        {
            if (handler.Text("type") is { } type && type != "command")
            {
                throw handler.Bad("type", $"hooks of type \"{type}\" are not supported; only \"command\".", "Write type = \"command\" with command = \"...\".");
            }
        }

        return handlers;
    }

    private static HookDefinition Entry(HookEvent hookEvent, ConfigSection entry, TimeSpan timeout, string? groupMatcher = null)
    {
        if (entry.Keys.FirstOrDefault(k => !EntryKeys.Contains(k) && k is not ("type" or "timeout")) is { } unknown)
        {
            throw new ConfigException($"{entry.Document.Where(entry.Prefix)}: unknown key '{unknown}' in [[{entry.Prefix}]].",
                $"A hook takes {string.Join(", ", EntryKeys)} (see docs/configuration.md, [hooks]).");
        }

        if (entry.Text("command") is not { Length: > 0 } command)
        {
            throw new ConfigException($"{entry.Document.Where(entry.Prefix)}: a hook in [[{entry.Prefix}]] has no command.",
                $"Give it command = \"...\" (bash; it reads the event as JSON on stdin).");
        }

        var matcher = entry.Text("matcher") ?? groupMatcher;
        if (matcher is not null && !HookEvents.IsToolEvent(hookEvent))
        {
            throw entry.Bad("matcher", $"{HookEvents.Name(hookEvent)} hooks have no tool to match.", "Remove matcher from this hook.");
        }

        if (matcher is not null and not ("" or "*"))
        {
            try
            {
                HookDefinition.Pattern(matcher);
            }
            catch (ArgumentException)
            {
                throw entry.Bad("matcher", $"matcher \"{matcher}\" is not a regular expression.", "Write a tool name, names joined by |, or *.");
            }
        }

        return new HookDefinition(hookEvent, command)
        {
            Matcher = matcher,
            Timeout = (entry.Positive("timeout_seconds") ?? entry.Positive("timeout")) is { } seconds ? TimeSpan.FromSeconds(Math.Min(seconds, 3600)) : timeout,
            Sandbox = entry.Flag("sandbox") ?? true,
        };
    }
}
