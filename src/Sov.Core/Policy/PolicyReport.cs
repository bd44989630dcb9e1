using Sov.Core.Config;
using Sov.Core.Permissions;

namespace Sov.Core.Policy;

/// <summary>
/// What <c>sov policy show</c> prints: the managed policy in force (path, SHA-256, warnings) and every value it
/// governs as it takes effect, each with where it came from (the policy's file and line, your config, a flag, the
/// default). <paramref name="config"/> is the configuration as you wrote it, before the policy was laid over it.
/// </summary>
public static class PolicyReport
{
    public static IReadOnlyList<string> Lines(ManagedPolicy policy, SovConfig config, SovSettings settings, string? modeFlag = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        var lines = new List<string>();
        var effective = PolicyClamp.Apply(config, policy);
        if (!policy.InForce)
        {
            lines.Add("No managed policy is in force (no policy file): your config applies as written.");
        }
        else
        {
            lines.Add($"Managed policy: {policy.Path}");
            lines.Add($"  sha256 {policy.Sha256} (journaled in every session as policy_sha256)");
            lines.AddRange(policy.Warnings.Select(w => $"  warning: {w}"));
        }

        string From(string key) => policy.Sources.TryGetValue(key, out var where) ? $"policy {where}" : "not pinned";
        void Row(string name, string value, string source) => lines.Add($"  {name,-22} {value,-28} {source}");
        lines.Add("");
        lines.Add("Effective (a policy only tightens; each value with where it came from):");
        var permissions = PermissionSettings.From(effective, modeFlag);
        Row("mode", permissions.Mode.Name(), permissions.PolicyNote is not null ? $"{From("permissions.max_mode")} lowers {(modeFlag is null ? "your config's" : "--mode")} {(PermissionSettings.ParseMode(modeFlag, "--mode") ?? config.Permissions.Mode)?.Name()}"
            : modeFlag is not null ? "--mode" : config.Permissions.Mode is not null ? "user config" : "default");
        Row("max mode", policy.MaxMode?.Name() ?? "full-auto", From("permissions.max_mode"));
        Row("sandbox", policy.RequireSandbox ? "required" : "required for full-auto", policy.RequireSandbox ? From("permissions.require_sandbox") : "default");
        Row("endpoint", settings.Endpoint ?? "(discovered on loopback)", (settings.Sources.GetValueOrDefault("endpoint") ?? "default")
            + (settings.Endpoint is { } e && Uri.TryCreate(e, UriKind.Absolute, out var url) && !policy.AllowsEndpoint(url) ? ": REFUSED by the policy" : ""));
        Row("allowed endpoints", List(policy.Endpoints.Select(u => u.GetLeftPart(UriPartial.Authority))), From("model.endpoints"));
        Row("model", settings.Model ?? "(first the server lists)", (settings.Sources.GetValueOrDefault("model") ?? "default")
            + (settings.Model is { } m && !policy.AllowsModel(m) ? ": REFUSED by the policy" : ""));
        Row("allowed models", List(policy.Models), From("model.models"));
        foreach (var rule in policy.Ask)
        {
            Row("ask rule", rule, From("permissions.ask"));
        }

        foreach (var rule in policy.Deny)
        {
            Row("deny rule", rule, From("permissions.deny"));
        }

        Row("rules from your config", $"{config.Permissions.Allow.Count} allow, {config.Permissions.Ask.Count} ask, {config.Permissions.Deny.Count} deny", "user config");
        Row("command variables", "PATH, HOME, LANG, TERM" + string.Concat(permissions.Environment.Select(v => ", " + v)),
            policy.Environment is null ? "default and user config" : $"{From("permissions.env")} allows: {List(policy.Environment)}");
        foreach (var server in config.McpServers)
        {
            var allowed = effective.McpServers.Contains(server);
            Row($"mcp server {server.Name}", allowed ? "allowed" : "REFUSED (not started)", policy.McpServers is null ? "user config (not pinned)" : From("mcp.servers"));
        }

        if (policy.McpServers is { } pinned)
        {
            Row("allowed mcp servers", List(pinned.Select(p => $"{p.Name} ({p.Describe()})")), From("mcp.servers"));
        }

        Row("redaction patterns", List(policy.RedactionPatterns), From("redaction.patterns"));
        Row("audit export", effective.AuditExport.Endpoint?.ToString() ?? "(none)",
            policy.AuditExport is not null ? $"{From("audit.export.endpoint")} (forced)" : config.AuditExport.Endpoint is not null ? "user config" : "default");
        Row("hooks from user config", policy.AllowUserHooks is false ? "refused" : "allowed", From("hooks.allow_user_hooks"));
        Row("web fetch hosts", policy.WebHosts is null ? "as configured" : List(policy.WebHosts), From("web.hosts"));
        return lines;
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 0 ? "(any)" : string.Join(", ", all);
    }
}
