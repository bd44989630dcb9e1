using System.Globalization;

namespace Sov.Core.Tools.BuiltIn;

/// <summary>The line a folder-walking tool adds when read rules kept paths out of its answer.</summary>
internal static class Withheld
{
    public static string Note(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"[{count} {(count == 1 ? noun : noun == "entry" ? "entries" : noun + "s")} withheld by read rules]");
}
