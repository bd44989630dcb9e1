using Sov.Core.Config;
using Sov.Core.Secrets;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Cli.Audit;

/// <summary>
/// The settings the network border and the journal need, read from the user's config.toml (never from the
/// project's <c>.sov/</c>: a repository may not change endpoints or widen what leaves). A plain record so
/// the general configuration loader can fill it once it exists. Keys:
/// <c>[model] endpoint</c>, <c>[network] proxy</c>, <c>[network] ca_file</c>, <c>[redaction] allow</c>,
/// <c>[audit.export] endpoint</c>.
/// </summary>
public sealed record BorderConfig(
    IReadOnlyList<Uri> ModelEndpoints,
    Uri? Proxy,
    string? CaFile,
    RedactionOptions Redaction,
    Uri? ExportEndpoint)
{
    public static BorderConfig Empty { get; } = new([], null, null, RedactionOptions.None, null);

    /// <summary>Every origin a request may go to under this configuration (model endpoints first).</summary>
    public IReadOnlyList<Uri> AllOrigins => [.. ModelEndpoints, .. ExportEndpoint is null ? Array.Empty<Uri>() : [ExportEndpoint]];

    public static BorderConfig Load(string configFile)
    {
        if (!File.Exists(configFile))
        {
            return Empty;
        }

        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize(File.ReadAllText(configFile), BorderTomlContext.Default.TomlTable) ?? [];
        }
        catch (TomlException e)
        {
            throw new ConfigException($"{configFile} is not valid TOML: {e.Message.Split('\n')[0]}",
                "Fix the line named above in config.toml.");
        }

        var modelTable = Table(model, "model");
        var network = Table(model, "network");
        var redaction = Table(model, "redaction");
        var export = Table(Table(model, "audit"), "export");
        var endpoint = Url(modelTable, "model.endpoint", "endpoint");
        var ca = Text(network, "network.ca_file", "ca_file");
        return new BorderConfig(
            endpoint is null ? [] : [endpoint],
            Url(network, "network.proxy", "proxy"),
            ca is null ? null : Path.GetFullPath(ca, Path.GetDirectoryName(configFile)!),
            new RedactionOptions(Strings(redaction, "redaction.allow", "allow")),
            Url(export, "audit.export.endpoint", "endpoint"));
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
