using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// Every key the user's config.toml may hold, as dotted paths (<c>*</c> stands for a name the user
/// chooses: a profile, an MCP server, a variable). A key outside this list does nothing, so it is reported:
/// a misspelt <c>endpiont</c> would otherwise leave the endpoint unset without a word.
/// </summary>
public static class ConfigKeys
{
    private static readonly string[] Model =
    [
        "endpoint", "model", "api_key_env", "max_turns", "first_byte_timeout_seconds", "idle_timeout_seconds",
        "answer_timeout_seconds", "instructions", "context_window",
    ];

    private static readonly string[] Known =
    [
        .. Model, "profile", .. Model.Select(k => "profiles.*." + k),
        "permissions.mode", "permissions.allow", "permissions.ask", "permissions.deny", "permissions.env",
        "network.proxy", "network.ca_file", "redaction.allow", "audit.export.endpoint",
        "mcp.servers.*.command", "mcp.servers.*.args", "mcp.servers.*.env.*", "mcp.servers.*.env_from",
        "mcp.servers.*.network", "mcp.servers.*.sandbox", "mcp.servers.*.url", "mcp.servers.*.bearer_token_env",
        "mcp.servers.*.tools", "mcp.servers.*.timeout_seconds", "mcp.servers.*.startup_timeout_seconds",
    ];

    /// <summary>The dotted paths of the keys in <paramref name="table"/> that Sovereign does not read, in file order.</summary>
    public static IReadOnlyList<string> Unknown(TomlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var unknown = new List<string>();
        Walk(table, [], unknown);
        return unknown;
    }

    private static void Walk(TomlTable table, List<string> path, List<string> unknown)
    {
        foreach (var (key, value) in table)
        {
            path.Add(key);
            if (Matches(path, leaf: true))
            {
                // a known key: its value's shape is checked where it is read
            }
            else if (value is TomlTable inner && Matches(path, leaf: false))
            {
                Walk(inner, path, unknown);
            }
            else
            {
                unknown.Add(string.Join('.', path));
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a known key (leaf) or a prefix of one (a table on the way).</summary>
    private static bool Matches(List<string> path, bool leaf)
    {
        foreach (var known in Known)
        {
            var parts = known.Split('.');
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
