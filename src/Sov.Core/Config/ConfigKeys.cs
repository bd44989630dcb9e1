using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// Every key the user's config.toml may hold, as dotted paths (<c>*</c> stands for a name the user
/// chooses: a profile, an MCP server, a variable). A key outside this list does nothing, so it is reported
/// with its line and the nearest known name: a misspelt <c>endpiont</c> or <c>[permisions]</c> would otherwise
/// leave a setting unset without a word.
/// </summary>
public static class ConfigKeys
{
    private static readonly string[] Model =
    [
        "endpoint", "model", "api_key_env", "max_turns", "first_byte_timeout_seconds", "idle_timeout_seconds",
        "answer_timeout_seconds", "instructions", "context_window", "images",
    ];

    private static readonly string[] Known =
    [
        .. Model, "profile", .. Model.Select(k => "profiles.*." + k),
        "permissions.mode", "permissions.allow", "permissions.ask", "permissions.deny", "permissions.env",
        "network.proxy", "network.ca_file", "redaction.allow", "audit.export.endpoint", "web.allow",
        "audit.seal_key_file",
        "audit.export.stream", "audit.export.batch_records", "audit.export.interval_seconds", "audit.export.backoff_max_seconds", "audit.export.flush_timeout_seconds", "audit.export.max_backlog_mb",
        "mcp.servers.*.command", "mcp.servers.*.args", "mcp.servers.*.env.*", "mcp.servers.*.env_from",
        "mcp.servers.*.network", "mcp.servers.*.sandbox", "mcp.servers.*.url", "mcp.servers.*.bearer_token_env",
        "mcp.servers.*.tools", "mcp.servers.*.timeout_seconds", "mcp.servers.*.startup_timeout_seconds",
        "acp.editor_mcp_servers", "acp.editor_terminal",
        "hooks.timeout_seconds", "hooks.SessionStart", "hooks.UserPromptSubmit", "hooks.PreToolUse", "hooks.PostToolUse", "hooks.Stop",
    ];

    /// <summary>The dotted paths of the keys in <paramref name="table"/> that Sovereign does not read, in file order.</summary>
    public static IReadOnlyList<string> Unknown(TomlTable table) => Unknown(table, Known);

    /// <summary>The same against another file's list of keys (the managed policy's, <c>Sov.Core.Policy.PolicyKeys</c>).</summary>
    public static IReadOnlyList<string> Unknown(TomlTable table, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(known);
        var unknown = new List<string>();
        Walk(table, [], unknown, known);
        return unknown;
    }

    /// <summary>
    /// One warning line per unknown key of <paramref name="document"/> (those <paramref name="include"/> accepts,
    /// when given): <c>config.toml:7: unknown key 'denyy' in [permissions] (did you mean 'deny'?)</c>.
    /// </summary>
    public static IEnumerable<string> Warnings(ConfigDocument document, Func<string, bool>? include = null) =>
        Warnings(document, Known, include);

    /// <summary>The same against another file's list of keys.</summary>
    public static IEnumerable<string> Warnings(ConfigDocument document, IReadOnlyList<string> known, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var key in Unknown(document.Table, known))
        {
            if (include is not null && !include(key))
            {
                continue;
            }

            var dot = key.LastIndexOf('.');
            var (parent, name) = dot < 0 ? ("", key) : (key[..dot], key[(dot + 1)..]);
            var guess = Nearest(parent, name, known);
            var what = IsTable(document.Table, key)
                ? $"unknown table [{key}]" + (guess is null ? "" : $" (did you mean [{Join(parent, guess)}]?)")
                : $"unknown key '{name}'" + (parent.Length == 0 ? "" : $" in [{parent}]") + (guess is null ? "" : $" (did you mean '{guess}'?)");
            yield return $"{document.Where(key)}: {what}";
        }
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static bool IsTable(TomlTable table, string key)
    {
        object current = table;
        foreach (var part in key.Split('.'))
        {
            if (current is not TomlTable t || !t.TryGetValue(part, out current!))
            {
                return false;
            }
        }

        return current is TomlTable;
    }

    /// <summary>The known name beside <paramref name="parent"/> closest to <paramref name="name"/>, if one is near enough to be a typo.</summary>
    private static string? Nearest(string parent, string name, IReadOnlyList<string> known)
    {
        var parentParts = parent.Length == 0 ? [] : parent.Split('.');
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in known)
        {
            var parts = key.Split('.');
            if (parts.Length > parentParts.Length && parts[parentParts.Length] != "*"
                && parentParts.Select((p, i) => parts[i] == "*" || parts[i] == p).All(x => x))
            {
                candidates.Add(parts[parentParts.Length]);
            }
        }

        var best = candidates.Select(c => (Name: c, Distance: Distance(c, name))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(1, Math.Min(3, name.Length / 3)) ? best.Name : null;
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from one name to another.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static void Walk(TomlTable table, List<string> path, List<string> unknown, IReadOnlyList<string> known)
    {
        foreach (var (key, value) in table)
        {
            path.Add(key);
            if (Matches(path, leaf: true, known))
            {
                // a known key: its value's type is checked where it is read
            }
            else if (value is TomlTable inner && Matches(path, leaf: false, known))
            {
                Walk(inner, path, unknown, known);
            }
            else
            {
                unknown.Add(string.Join('.', path));
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a known key (leaf) or a prefix of one (a table on the way).</summary>
    private static bool Matches(List<string> path, bool leaf, IReadOnlyList<string> known)
    {
        foreach (var key in known)
        {
            var parts = key.Split('.');
            if (leaf ? parts.Length != path.Count : parts.Length <= path.Count)
            {
                continue;
            }

            var all = true;
            for (var i = 0; i < path.Count && all; i++)
            {
                all = parts[i] == "*" || parts[i] == path[i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
