using Sov.Core.Tools.Mcp;

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

    /// <summary>The servers of a config file's <c>[mcp]</c> table (<c>[mcp.servers.NAME]</c>), in name order; none when it has none.</summary>
    public static IReadOnlyList<McpServerSettings> Read(ConfigSection? mcp)
    {
        var servers = mcp?.Section("servers");
        if (servers is null)
        {
            return [];
        }

        var result = new List<McpServerSettings>();
        foreach (var name in servers.Keys.Order(StringComparer.Ordinal))
        {
            result.Add(Parse(name, servers.Section(name)!));
        }

        return result;
    }

    private static McpServerSettings Parse(string name, ConfigSection table)
    {
        var key = table.Prefix;
        if (!McpToolName.IsValidPart(name) || name.Length > McpToolName.MaxServerLength)
        {
            throw new ConfigException(
                $"{table.Document.Where(key)}: [mcp.servers.{McpToolName.Shown(name)}] has a name the model cannot call its tools by.",
                $"Name the server with {McpToolName.Rule} only, at most {McpToolName.MaxServerLength} characters.");
        }

        var command = Text(table, "command");
        var url = Text(table, "url");
        if ((command is null) == (url is null))
        {
            throw new ConfigException($"{table.Document.Where(key)}: {key} is not valid.",
                $"Give [{key}] either command = \"program\" (a local server) or url = \"https://...\" (a remote one).");
        }

        Uri? parsed = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out parsed) || parsed.Scheme is not ("http" or "https")))
        {
            throw table.Bad("url", $"{key}.url is not valid.", $"Write {key}.url as an http(s) URL.");
        }

        if (parsed is not null)
        {
            UrlCredentials.Refuse(parsed, $"{key}.url");
        }

        var call = Seconds(table, "timeout_seconds", McpLimits.DefaultCallSeconds);
        return new McpServerSettings(name)
        {
            Command = command,
            Args = table.Strings("args"),
            Env = table.StringTable("env"),
            EnvFrom = table.Strings("env_from"),
            Network = table.Flag("network") ?? false,
            Sandbox = table.Flag("sandbox") ?? true,
            Url = parsed,
            BearerTokenEnv = Text(table, "bearer_token_env"),
            Tools = table.Has("tools") ? table.Strings("tools") : null,
            CallTimeout = call,
            StartupTimeout = Seconds(table, "startup_timeout_seconds", (int)Math.Min(call.TotalSeconds, McpLimits.DefaultStartupSeconds)),
        };
    }

    private static string? Text(ConfigSection table, string name) =>
        table.Text(name) is { } text && text.Length == 0
            ? throw table.Bad(name, $"{table.Key(name)} is empty.", $"Write {table.Key(name)} = \"...\".")
            : table.Text(name);

    private static TimeSpan Seconds(ConfigSection table, string name, int fallback) =>
        TimeSpan.FromSeconds(table.Whole(name, 86_400) ?? fallback);
}
