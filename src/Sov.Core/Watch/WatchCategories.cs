namespace Sov.Core.Watch;

/// <summary>The names of <see cref="WatchCategory"/> on the command line and in reports.</summary>
public static class WatchCategories
{
    public static readonly IReadOnlyList<string> Names = ["hosts", "hardcoded", "machine-reads", "hidden", "processes"];

    public static string Name(WatchCategory category) => category switch
    {
        WatchCategory.Hosts => "hosts",
        WatchCategory.HardCoded => "hardcoded",
        WatchCategory.MachineReads => "machine-reads",
        WatchCategory.Hidden => "hidden",
        _ => "processes",
    };

    public static bool TryParse(string? text, out WatchCategory category)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.Ordinal))
            {
                category = (WatchCategory)i;
                return true;
            }
        }

        category = default;
        return false;
    }
}
