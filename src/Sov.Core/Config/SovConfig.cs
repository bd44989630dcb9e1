namespace Sov.Core.Config;

/// <summary>
/// Everything config.toml says, read once and type-checked (<see cref="SovConfigReader"/>): the user's file
/// (top level, profiles, permissions, MCP servers, network, redaction, audit export) and what the project's
/// <c>.sov/config.toml</c> may add (model, instructions, narrower permissions). Every consumer takes its
/// typed piece from here; nothing else parses a config file. <see cref="ConfigLoader"/> applies the flags and
/// <c>SOV_*</c> variables on top.
/// </summary>
public sealed record SovConfig
{
    /// <summary>The user's config file (it may not exist).</summary>
    public required string UserFile { get; init; }

    public ModelSection Top { get; init; } = ModelSection.Empty;

    /// <summary>The <c>profile</c> key: the profile used when no flag or SOV_PROFILE names one.</summary>
    public string? Profile { get; init; }

    public IReadOnlyDictionary<string, ModelSection> Profiles { get; init; } = new Dictionary<string, ModelSection>();

    public PermissionSection Permissions { get; init; } = PermissionSection.Empty;

    public IReadOnlyList<McpServerSettings> McpServers { get; init; } = [];

    public NetworkSection Network { get; init; } = NetworkSection.Empty;

    public RedactionSection Redaction { get; init; } = RedactionSection.Empty;

    public AuditExportSection AuditExport { get; init; } = AuditExportSection.Empty;

    /// <summary>The user's <c>[acp]</c> table (<c>sov acp</c>).</summary>
    public AcpSection Acp { get; init; } = AcpSection.Empty;

    /// <summary><c>[audit] seal_key_file</c> (#20).</summary>
    public AuditSealSection AuditSeal { get; init; } = AuditSealSection.Empty;

    /// <summary>The person's hooks (#17); a project's <c>[hooks]</c> is ignored with a warning.</summary>
    public HooksSection Hooks { get; init; } = HooksSection.Empty;

    /// <summary>The project's model and instructions (nothing else of the model keys is taken from a project).</summary>
    public ModelSection Project { get; init; } = ModelSection.Empty;

    /// <summary>The project's <c>[permissions]</c>; only its mode, ask and deny are used, and only to narrow.</summary>
    public PermissionSection ProjectPermissions { get; init; } = PermissionSection.Empty;

    /// <summary>The user's <c>[web]</c> table (web_fetch's hosts).</summary>
    public WebSection Web { get; init; } = WebSection.Empty;

    /// <summary>The project's <c>[web]</c> table: it may only narrow the user's list.</summary>
    public WebSection ProjectWeb { get; init; } = WebSection.Empty;

    /// <summary>
    /// The hosts web_fetch may reach: the user's list, narrowed by the project's when it has one, and by the managed
    /// policy's <c>web.hosts</c> when it sets them (#20). Empty: web fetch is off.
    /// </summary>
    public Web.WebAllowList WebAllow => NarrowedByPolicy(
        !ProjectWeb.Present ? new(Web.Allow) : new Web.WebAllowList(Web.Allow).Narrow(ProjectWeb.Allow, out _));

    private Web.WebAllowList NarrowedByPolicy(Web.WebAllowList list)
    {
        if (Policy.WebHosts is not { } hosts)
        {
            return list;
        }

        var pinned = new Web.WebAllowList([.. hosts.Select(h => Sov.Core.Web.WebOrigin.Parse(h, out _)).OfType<Web.WebOrigin>()]);
        return pinned.Narrow(list.Origins, out _);
    }

    /// <summary>The managed policy laid over this configuration (<see cref="Policy.PolicyClamp"/>); <see cref="Policy.ManagedPolicy.None"/> when there is none.</summary>
    public Policy.ManagedPolicy Policy { get; init; } = Sov.Core.Policy.ManagedPolicy.None;

    /// <summary>One line each: unknown keys with file and line, keys a project may not set, a refused project file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
