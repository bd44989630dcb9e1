namespace Sov.Core.Watch;

/// <summary>
/// Sorts the names of environment variables a command was given into what they can tell it: proxies,
/// keys and tokens, locale and time zone. Only names are ever reported, never values.
/// </summary>
public static class EnvironmentNames
{
    private static readonly string[] SecretWords = ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH"];

    /// <summary>"proxy", "key", "locale" or null.</summary>
    public static string? Kind(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.ToUpperInvariant();
        if (upper.Contains("PROXY", StringComparison.Ordinal))
        {
            return "proxy";
        }

        if (upper is "LANG" or "LANGUAGE" or "TZ" || upper.StartsWith("LC_", StringComparison.Ordinal))
        {
            return "locale";
        }

        foreach (var word in SecretWords)
        {
            if (upper.Contains(word, StringComparison.Ordinal))
            {
                return "key";
            }
        }

        return null;
    }
}
