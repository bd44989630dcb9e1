using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sov.Core.Config;
using Sov.Core.Permissions;

namespace Sov.Core.Policy;

/// <summary>
/// Reads the text of a policy file (the file's ownership is checked before, in Sov.Borders) with the config's own
/// TOML reader and typed sections: a wrong type, an unknown mode, a bad rule, URL or pattern is a
/// <see cref="ConfigException"/> with file and line (exit 3: a policy that cannot be read is not a policy that
/// allows everything); an unknown key is a warning with its line.
/// </summary>
public static class PolicyParser
{
    public static ManagedPolicy Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var document = ConfigDocument.Parse(path, path, text);
        var top = new ConfigSection(document, document.Table, "");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        ConfigSection? Tracked(ConfigSection? section)
        {
            foreach (var key in section?.Keys ?? [])
            {
                sources[section!.Key(key)] = document.Where(section.Key(key));
            }

            return section;
        }

        var model = Tracked(top.Section("model"));
        var permissions = Tracked(top.Section("permissions"));
        var redaction = Tracked(top.Section("redaction"));
        var export = Tracked(top.Section("audit")?.Section("export"));
        var hooks = Tracked(top.Section("hooks"));
        var web = Tracked(top.Section("web"));
        var mcp = top.Section("mcp");
        if (mcp is not null)
        {
            sources["mcp.servers"] = document.Where(mcp.Section("servers")?.Prefix ?? "mcp");
        }

        return new ManagedPolicy
        {
            Path = path,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            MaxMode = Mode(permissions),
            RequireSandbox = permissions?.Flag("require_sandbox") ?? false,
            Ask = Rules(permissions, "ask"),
            Deny = Rules(permissions, "deny"),
            Environment = permissions?.Has("env") == true ? permissions.Strings("env") : null,
            Endpoints = model is null ? [] : [.. model.Strings("endpoints").Select(e => Endpoint(model, e))],
            Models = model?.Strings("models") ?? [],
            McpServers = mcp is null ? null : Servers(mcp),
            RedactionPatterns = Patterns(redaction),
            AuditExport = export is null ? null : NetworkSection.HttpUrl(export, "endpoint") is { } url ? UrlCredentials.Refuse(url, "audit.export.endpoint") : null,
            AllowUserHooks = hooks?.Flag("allow_user_hooks"),
            WebHosts = web?.Has("hosts") == true ? web.Strings("hosts") : null,
            Sources = sources,
            Warnings = [.. ConfigKeys.Warnings(document, PolicyKeys.Known)],
        };
    }

    private static PermissionMode? Mode(ConfigSection? permissions)
    {
        var text = permissions?.Text("max_mode");
        return text is null ? null
            : PermissionModes.TryParse(text, out var mode) ? mode
            : throw permissions!.Bad("max_mode", $"permissions.max_mode '{text}' is not one of {string.Join(", ", PermissionModes.Names)}.",
                "Use read-only, ask, auto-edit or full-auto.");
    }

    private static IReadOnlyList<string> Rules(ConfigSection? permissions, string name)
    {
        var rules = permissions?.Strings(name) ?? [];
        foreach (var rule in rules)
        {
            try
            {
                PermissionRule.Parse(rule);
            }
            catch (ConfigException e)
            {
                throw permissions!.Bad(name, e.Message, e.Remedy);
            }
        }

        return rules;
    }

    private static Uri Endpoint(ConfigSection model, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            ? uri
            : throw model.Bad("endpoints", $"model.endpoints has '{text}', which is not an http(s) URL without credentials.",
                "Write each as \"http://host:port/v1\" (compared by scheme, host and port).");

    private static IReadOnlyList<PolicyMcpServer> Servers(ConfigSection mcp)
    {
        var servers = mcp.Section("servers");
        var result = new List<PolicyMcpServer>();
        foreach (var name in servers?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
        {
            var server = servers!.Section(name)!;
            var url = server.Has("url") ? NetworkSection.HttpUrl(server, "url") : null;
            result.Add(new PolicyMcpServer(name, server.Text("command"), url));
        }

        return result;
    }

    private static IReadOnlyList<string> Patterns(ConfigSection? redaction)
    {
        var patterns = redaction?.Strings("patterns") ?? [];
        foreach (var pattern in patterns)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw redaction!.Bad("patterns", $"redaction.patterns has an invalid regular expression '{pattern}': {e.Message}", "Fix the pattern (.NET regular expression syntax).");
            }
        }

        return patterns;
    }
}
