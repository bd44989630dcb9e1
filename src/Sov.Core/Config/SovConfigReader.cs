using Sov.Core.Files;

namespace Sov.Core.Config;

/// <summary>
/// The one config loader: reads the user's config.toml and the project's <c>.sov/config.toml</c> once each,
/// checks every key's type (a wrong one is exit 3 with file, line, key and the type expected) and turns
/// unknown keys into warnings with their line. The project file is only semi-trusted: it may set
/// <c>model</c> and <c>instructions</c> and narrow <c>[permissions]</c> and <c>[web] allow</c>; anything else is ignored with a warning.
/// </summary>
public static class SovConfigReader
{
    private static readonly string[] ProjectAllowed = ["model", "instructions", "permissions", "web"];

    public static SovConfig Read(SovPaths paths, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(workspace);
        return Read(workspace.Files, paths.ConfigFile, workspace);
    }

    /// <summary>Reads <paramref name="userFile"/>, and the project's file when a <paramref name="workspace"/> is given.</summary>
    public static SovConfig Read(IFileSystem files, string userFile, Workspace? workspace)
    {
        ArgumentNullException.ThrowIfNull(files);
        var warnings = new List<string>();
        var user = ConfigDocument.ReadOwn(files, userFile);
        var project = workspace is null ? null : ConfigDocument.ReadProject(workspace, warnings);
        var config = new SovConfig { UserFile = userFile };
        if (user is not null)
        {
            config = User(config, new ConfigSection(user, user.Table, ""));
            warnings.AddRange(ConfigKeys.Warnings(user));
        }

        if (project is not null)
        {
            var top = new ConfigSection(project, project.Table, "");
            config = config with
            {
                Project = new ModelSection { Model = top.Text("model"), Instructions = top.Text("instructions") },
                ProjectPermissions = PermissionSection.Read(top.Section("permissions")),
                ProjectWeb = WebSection.Read(top.Section("web")),
            };
            new Web.WebAllowList(config.Web.Allow).Narrow(config.ProjectWeb.Allow, out var widened);
            warnings.AddRange(widened.Select(o => $"Ignored {o} in {project.Where("web.allow")}: a project's [web] allow may only narrow your own, which does not name it."));
            // a key Sovereign knows (or an api_key) but a project may not set is refused; a key it does not know is a typo
            var unknown = ConfigKeys.Unknown(project.Table).Where(k => k != "api_key").ToList();
            foreach (var key in top.Keys.Where(k => !ProjectAllowed.Contains(k) && !unknown.Contains(k)))
            {
                warnings.Add(key == "hooks" ? $"Ignored [hooks] in {project.Where(key)}: hooks are programs, and only your own config.toml may add them." :
                    $"Ignored '{key}' in {project.Where(key)}: a project may set only the model, instructions and narrower [permissions].");
            }

            warnings.AddRange(ConfigKeys.Warnings(project, key => unknown.Contains(key) && (!key.Contains('.', StringComparison.Ordinal) || key.StartsWith("permissions.", StringComparison.Ordinal) || key.StartsWith("web.", StringComparison.Ordinal))));
        }

        return config with { Warnings = warnings };
    }

    /// <summary>The typed configuration of one TOML text as if it were the user's file (README examples, tests).</summary>
    public static SovConfig FromText(string text, string path)
    {
        var user = ConfigDocument.Parse(path, path, text);
        return User(new SovConfig { UserFile = path }, new ConfigSection(user, user.Table, "")) with { Warnings = [.. ConfigKeys.Warnings(user)] };
    }

    private static SovConfig User(SovConfig config, ConfigSection top)
    {
        var profiles = new Dictionary<string, ModelSection>(StringComparer.Ordinal);
        if (top.Section("profiles") is { } table)
        {
            foreach (var name in table.Keys)
            {
                profiles[name] = ModelSection.Read(table.Section(name));
            }
        }

        return config with
        {
            Top = ModelSection.Read(top),
            Profile = top.Text("profile"),
            Profiles = profiles,
            Permissions = PermissionSection.Read(top.Section("permissions")),
            McpServers = McpServerSettings.Read(top.Section("mcp")),
            Network = NetworkSection.Read(top.Section("network")),
            Redaction = RedactionSection.Read(top.Section("redaction")),
            AuditExport = AuditExportSection.Read(top.Section("audit")?.Section("export")),
            Web = WebSection.Read(top.Section("web")),
            Acp = AcpSection.Read(top.Section("acp")),
            AuditSeal = AuditSealSection.Read(top.Section("audit")),
            Hooks = HooksSection.Read(top.Section("hooks")),
        };
    }
}
