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

    /// <summary>The person's hooks (#17); a project's <c>[hooks]</c> is ignored with a warning.</summary>
    public HooksSection Hooks { get; init; } = HooksSection.Empty;

    /// <summary>The project's model and instructions (nothing else of the model keys is taken from a project).</summary>
    public ModelSection Project { get; init; } = ModelSection.Empty;

    /// <summary>The project's <c>[permissions]</c>; only its mode, ask and deny are used, and only to narrow.</summary>
    public PermissionSection ProjectPermissions { get; init; } = PermissionSection.Empty;

    /// <summary>One line each: unknown keys with file and line, keys a project may not set, a refused project file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
