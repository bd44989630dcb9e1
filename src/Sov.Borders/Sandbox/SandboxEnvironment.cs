using Sov.Borders.Environment;

namespace Sov.Borders.Sandbox;

/// <summary>The environment a sandboxed command gets: PATH, HOME, LANG, TERM and the names the person configured.</summary>
public static class SandboxEnvironment
{
    public const string FallbackPath = "/usr/local/bin:/usr/bin:/bin";

    public static IReadOnlyDictionary<string, string> From(IEnumerable<string>? configuredNames = null)
    {
        var names = SandboxSettings.BaseVariables.Concat(configuredNames ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var reader = new AllowedEnvironment(names);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (reader.Get(name) is { } value)
            {
                result[name] = value;
            }
        }

        result.TryAdd("PATH", FallbackPath);
        return result;
    }
}
