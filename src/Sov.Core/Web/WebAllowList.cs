namespace Sov.Core.Web;

/// <summary>
/// The hosts <c>web_fetch</c> may reach: <c>[web] allow</c> of the user's config.toml, narrowed by the project's
/// <c>.sov/config.toml</c> when it has a <c>[web]</c> table (a project entry stays only when a user entry covers it; a
/// project can never add a host). Empty: web fetch is off and the tool is not offered at all.
/// </summary>
public sealed record WebAllowList(IReadOnlyList<WebOrigin> Origins)
{
    public static WebAllowList None { get; } = new(Array.Empty<WebOrigin>());

    public bool IsEmpty => Origins.Count == 0;

    public bool Allows(Uri uri) => Origins.Any(o => o.Allows(uri));

    /// <summary>The list a project asks for, kept only where this one covers it; <paramref name="dropped"/> names the rest.</summary>
    public WebAllowList Narrow(IReadOnlyList<WebOrigin> project, out IReadOnlyList<WebOrigin> dropped)
    {
        ArgumentNullException.ThrowIfNull(project);
        var kept = project.Where(p => Origins.Any(u => u.Covers(p))).Distinct().ToList();
        dropped = [.. project.Except(kept)];
        return new WebAllowList(kept);
    }

    /// <summary>The hosts as the tool's description names them: <c>docs.python.org, *.internal.example, http://127.0.0.1:8080</c>.</summary>
    public string Hosts => string.Join(", ", Origins.Select(o =>
        o is { Scheme: "https", Port: 443 } ? o.Host : o.Scheme == "https" ? $"{o.Host}:{o.Port}" : o.ToString()));
}
