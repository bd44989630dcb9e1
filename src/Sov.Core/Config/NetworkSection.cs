namespace Sov.Core.Config;

/// <summary>The <c>[network]</c> table: an explicit proxy and an extra CA file (resolved against the config's folder).</summary>
public sealed record NetworkSection(Uri? Proxy, string? CaFile)
{
    public static NetworkSection Empty { get; } = new(null, null);

    public static NetworkSection Read(ConfigSection? table)
    {
        if (table is null)
        {
            return Empty;
        }

        var ca = table.Text("ca_file");
        return new NetworkSection(
            HttpUrl(table, "proxy"),
            ca is null ? null : Path.GetFullPath(ca, Path.GetDirectoryName(table.Document.Path)!));
    }

    /// <summary>An http(s) URL, or null when the key is absent.</summary>
    public static Uri? HttpUrl(ConfigSection table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = table.Text(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? uri
            : throw table.Bad(name, $"{table.Key(name)} is not an http(s) URL: {text}", $"Write {table.Key(name)} = \"http://host:port\" (or https).");
    }
}
