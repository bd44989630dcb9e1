using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Secrets;
using Tomlyn.Model;

namespace Sov.Cli.Audit;

/// <summary>
/// The settings the network border and the journal add to <see cref="ConfigLoader"/>'s, read from the user's
/// config.toml only (never from the project's <c>.sov/</c>: a repository may not change where requests go or
/// what they may carry). Keys: <c>[network] proxy</c>, <c>[network] ca_file</c>, <c>[redaction] allow</c>,
/// <c>[audit.export] endpoint</c>. The model endpoint itself is <see cref="SovSettings.Endpoint"/>.
/// </summary>
public sealed record BorderConfig(
    Uri? Proxy,
    string? CaFile,
    RedactionOptions Redaction,
    Uri? ExportEndpoint)
{
    public static BorderConfig Empty { get; } = new(null, null, RedactionOptions.None, null);

    public static BorderConfig Load(IFileSystem files, string configFile)
    {
        var model = ConfigLoader.ReadTable(files, configFile);
        if (model is null)
        {
            return Empty;
        }

        var network = Table(model, "network");
        var redaction = Table(model, "redaction");
        var export = Table(Table(model, "audit"), "export");
        var ca = Text(network, "network.ca_file", "ca_file");
        return new BorderConfig(
            Url(network, "network.proxy", "proxy"),
            ca is null ? null : Path.GetFullPath(ca, Path.GetDirectoryName(configFile)!),
            new RedactionOptions(Strings(redaction, "redaction.allow", "allow")),
            Url(export, "audit.export.endpoint", "endpoint") is { } exportUrl ? UrlCredentials.Refuse(exportUrl, "audit.export.endpoint") : null);
    }

    private static TomlTable Table(TomlTable parent, string key) =>
        parent.TryGetValue(key, out var value) && value is TomlTable table ? table : [];

    private static string? Text(TomlTable table, string name, string key) =>
        !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw new ConfigException($"config.toml: {name} must be a string.", $"Write {name} = \"...\".");

    private static Uri? Url(TomlTable table, string name, string key)
    {
        var text = Text(table, name, key);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? uri
            : throw new ConfigException($"config.toml: {name} is not an http(s) URL: {text}",
                $"Write {name} = \"http://host:port\" (or https).");
    }

    private static string[] Strings(TomlTable table, string name, string key)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is TomlArray array && array.All(v => v is string)
            ? [.. array.Cast<string>()]
            : throw new ConfigException($"config.toml: {name} must be a list of strings.", $"Write {name} = [\"...\"].");
    }
}
