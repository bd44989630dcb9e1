using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>Category names as users write them in markers and <c>.sovscan.toml</c> (the names JSON and SARIF print).</summary>
internal static class ScanCategoryNames
{
    public static bool TryParse(string name, out TextCategory category)
    {
        foreach (var c in Enum.GetValues<TextCategory>())
        {
            if (string.Equals(TextCategories.Name(c), name, StringComparison.OrdinalIgnoreCase))
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }

    public static string Known => string.Join(", ", Enum.GetValues<TextCategory>().Select(TextCategories.Name));
}
