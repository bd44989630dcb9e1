using Sov.Core.Web;

namespace Sov.Core.Config;

/// <summary>
/// The <c>[web]</c> table: <c>allow = ["docs.python.org", "*.internal.example"]</c>, the hosts web_fetch may reach
/// (<see cref="WebOrigin"/> for how they are written). Absent or empty: web fetch is off. A bad entry is exit 3 with its line.
/// </summary>
public sealed record WebSection(IReadOnlyList<WebOrigin> Allow, bool Present)
{
    public static WebSection Empty { get; } = new(Array.Empty<WebOrigin>(), false);

    public static WebSection Read(ConfigSection? table)
    {
        if (table is null)
        {
            return Empty;
        }

        var origins = new List<WebOrigin>();
        foreach (var entry in table.Strings("allow"))
        {
            origins.Add(WebOrigin.Parse(entry, out var error)
                ?? throw table.Bad("allow", error!, "Fix that entry of [web] allow (see docs/configuration.md, '[web]')."));
        }

        return new WebSection(origins, true);
    }
}
