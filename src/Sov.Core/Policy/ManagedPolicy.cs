using Sov.Core.Permissions;

namespace Sov.Core.Policy;

/// <summary>
/// The administrator's managed policy (<c>/etc/sov/policy.toml</c>, root-owned; <see cref="PolicyParser"/> reads it,
/// <see cref="PolicyClamp"/> lays it over the person's config). Every value may only tighten: null or empty means
/// "not pinned", so the user config applies as written. <see cref="Where"/> says which line set each key.
/// </summary>
public sealed record ManagedPolicy
{
    /// <summary>No policy file: nothing pinned.</summary>
    public static ManagedPolicy None { get; } = new();

    /// <summary>The policy file, or null when there is none.</summary>
    public string? Path { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the file's exact bytes; every session journals it.</summary>
    public string? Sha256 { get; init; }

    public bool InForce => Path is not null;

    /// <summary><c>permissions.max_mode</c>: the most permissive mode allowed (a wider one is lowered to it).</summary>
    public PermissionMode? MaxMode { get; init; }

    /// <summary><c>permissions.require_sandbox</c>: no session starts without the sandbox.</summary>
    public bool RequireSandbox { get; init; }

    /// <summary><c>permissions.ask</c> and <c>permissions.deny</c>: rules added to everyone's.</summary>
    public IReadOnlyList<string> Ask { get; init; } = [];

    public IReadOnlyList<string> Deny { get; init; } = [];

    /// <summary><c>permissions.env</c>: the only extra variables (beyond PATH, HOME, LANG, TERM) commands may receive; null when not pinned.</summary>
    public IReadOnlyList<string>? Environment { get; init; }

    /// <summary><c>model.endpoints</c>: the model endpoints allowed, compared by scheme, host and port; empty when not pinned.</summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    /// <summary><c>model.models</c>: the model names allowed; empty when not pinned.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary><c>[mcp.servers.NAME]</c>: the MCP servers allowed; null when the policy has no <c>[mcp]</c> table (all allowed).</summary>
    public IReadOnlyList<PolicyMcpServer>? McpServers { get; init; }

    /// <summary><c>redaction.patterns</c>: regular expressions redacted like secrets, beside the built-in ones.</summary>
    public IReadOnlyList<string> RedactionPatterns { get; init; } = [];

    /// <summary><c>audit.export.endpoint</c>: the collector the journal goes to, whatever the user config says.</summary>
    public Uri? AuditExport { get; init; }

    /// <summary><c>hooks.allow_user_hooks</c>: whether hooks from the user config may run (null: not pinned). Extension point: parsed and shown here, enforced where hooks run.</summary>
    public bool? AllowUserHooks { get; init; }

    /// <summary><c>web.hosts</c>: the hosts web fetch may reach (null: not pinned). Extension point: parsed and shown here, enforced where web fetch runs.</summary>
    public IReadOnlyList<string>? WebHosts { get; init; }

    /// <summary><c>FILE:LINE</c> of each dotted key the policy sets.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Unknown keys, with their line (they pin nothing).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How messages name the policy: <c>the managed policy /etc/sov/policy.toml:4</c>.</summary>
    public string Cite(string key) => $"the managed policy {Sources.GetValueOrDefault(key, Path ?? "")}";
}
