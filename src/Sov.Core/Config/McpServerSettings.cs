using Sov.Core.Files;
using Sov.Core.Tools.Mcp;
using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// One MCP server from the user's config.toml (<c>[mcp.servers.NAME]</c>; a project's <c>.sov/</c> may not add
/// servers: they are programs to run and hosts to reach). Either <see cref="Command"/> (stdio: run in the
/// sandbox, without network unless <see cref="Network"/>) or <see cref="Url"/> (streamable HTTP, its origin
/// allowed by the egress gate for this server only).
/// </summary>
public sealed record McpServerSettings(string Name)
{
    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Variables given literally (<c>env = { NAME = "value" }</c>).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Variables passed from the person's environment, by name (<c>env_from = ["TOKEN"]</c>).</summary>
    public IReadOnlyList<string> EnvFrom { get; init; } = [];

    /// <summary>Whether a stdio server may use the network (default false: its sandbox has none).</summary>
    public bool Network { get; init; }

    /// <summary>Whether a stdio server runs under bubblewrap (default true).</summary>
    public bool Sandbox { get; init; } = true;

    public Uri? Url { get; init; }

    /// <summary>The variable holding a bearer token for an HTTP server.</summary>
    public string? BearerTokenEnv { get; init; }

    /// <summary>The server's tools the model may see (<c>tools = ["a", "b"]</c>); null for all of them, within the caps.</summary>
    public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>How long one tool call may take before it is cancelled (<c>timeout_seconds</c>).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(McpLimits.DefaultCallSeconds);

    /// <summary>How long starting, <c>initialize</c> and <c>tools/list</c> may take (<c>startup_timeout_seconds</c>; by default 30 s, or <see cref="CallTimeout"/> when that is shorter).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(McpLimits.DefaultStartupSeconds);

    /// <summary>The servers in a config file's <c>[mcp.servers]</c>, in name order; none when the file has none.</summary>
    public static IReadOnlyList<McpServerSettings> Load(IFileSystem files, string configFile)
    {
        var model = ConfigLoader.ReadTable(files, configFile);
        if (model is null || !model.TryGetValue("mcp", out var mcp))
        {
            return [];
        }

        if (mcp is not TomlTable mcpTable || (mcpTable.TryGetValue("servers", out var s) && s is not TomlTable))
        {
            throw Bad("mcp", "Write each server as a [mcp.servers.NAME] section.");
        }

        var servers = mcpTable.TryGetValue("servers", out var value) ? (TomlTable)value : [];
        var result = new List<McpServerSettings>();
        foreach (var (name, entry) in servers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (entry is not TomlTable table)
            {
                throw Bad($"mcp.servers.{name}", $"Write it as a [mcp.servers.{name}] section with command = \"...\" or url = \"...\".");
            }

            result.Add(Parse(name, table));
        }

        return result;
    }

    private static McpServerSettings Parse(string name, TomlTable table)
    {
        var key = $"mcp.servers.{name}";
        if (!McpToolName.IsValidPart(name) || name.Length > McpToolName.MaxServerLength)
        {
            throw new ConfigException(
                $"config.toml: [mcp.servers.{McpToolName.Shown(name)}] has a name the model cannot call its tools by.",
                $"Name the server with {McpToolName.Rule} only, at most {McpToolName.MaxServerLength} characters.");
        }

        var command = Text(table, key, "command");
        var url = Text(table, key, "url");
        if ((command is null) == (url is null))
        {
            throw Bad(key, $"Give [{key}] either command = \"program\" (a local server) or url = \"https://...\" (a remote one).");
        }

        Uri? parsed = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out parsed) || parsed.Scheme is not ("http" or "https")))
        {
            throw Bad($"{key}.url", $"Write {key}.url as an http(s) URL.");
        }

        if (parsed is not null)
        {
            UrlCredentials.Refuse(parsed, $"{key}.url");
        }

        var call = Seconds(table, key, "timeout_seconds", McpLimits.DefaultCallSeconds);
        return new McpServerSettings(name)
        {
            Command = command,
            Args = Strings(table, key, "args"),
            Env = table.TryGetValue("env", out var env)
                ? env is TomlTable envTable && envTable.All(p => p.Value is string)
                    ? envTable.ToDictionary(p => p.Key, p => (string)p.Value, StringComparer.Ordinal)
                    : throw Bad($"{key}.env", $"Write {key}.env as a table of strings: env = {{ NAME = \"value\" }}.")
                : new Dictionary<string, string>(),
            EnvFrom = Strings(table, key, "env_from"),
            Network = Flag(table, key, "network", false),
            Sandbox = Flag(table, key, "sandbox", true),
            Url = parsed,
            BearerTokenEnv = Text(table, key, "bearer_token_env"),
            Tools = table.ContainsKey("tools") ? Strings(table, key, "tools") : null,
            CallTimeout = call,
            StartupTimeout = Seconds(table, key, "startup_timeout_seconds", (int)Math.Min(call.TotalSeconds, McpLimits.DefaultStartupSeconds)),
        };
    }

    private static string? Text(TomlTable table, string key, string name) =>
        !table.TryGetValue(name, out var value) ? null
        : value is string { Length: > 0 } text ? text
        : throw Bad($"{key}.{name}", $"Write {key}.{name} = \"...\".");

    private static bool Flag(TomlTable table, string key, string name, bool fallback) =>
        !table.TryGetValue(name, out var value) ? fallback
        : value is bool flag ? flag
        : throw Bad($"{key}.{name}", $"Write {key}.{name} = true or false.");

    private static TimeSpan Seconds(TomlTable table, string key, string name, int fallback) =>
        !table.TryGetValue(name, out var value) ? TimeSpan.FromSeconds(fallback)
        : value is long seconds and >= 1 and <= 86_400 ? TimeSpan.FromSeconds(seconds)
        : throw Bad($"{key}.{name}", $"Write {key}.{name} as a whole number of seconds from 1 to 86400 (default {fallback}).");

    private static List<string> Strings(TomlTable table, string key, string name) =>
        !table.TryGetValue(name, out var value) ? []
        : value is TomlArray array && array.All(v => v is string) ? [.. array.Cast<string>()]
        : throw Bad($"{key}.{name}", $"Write {key}.{name} as a list of strings: {name} = [\"...\"].");

    private static ConfigException Bad(string key, string fix) => new($"config.toml: {key} is not valid.", fix);
}
