namespace Sov.Core.Tools.Search;

/// <summary>Reads a <c>[...]</c> class of a glob: members, <c>a-z</c> ranges, <c>!</c> or <c>^</c> to negate; a <c>]</c> first is a member.</summary>
internal static class GlobClass
{
    /// <summary>
    /// The class opening at <paramref name="open"/> and the index of its <c>]</c>; null when it never closes (then '[' is literal).
    /// A range that runs backwards (<c>[z-a]</c>) is a <see cref="FormatException"/>.
    /// </summary>
    public static (GlobStep Step, int End)? Read(string pattern, int open, bool escapes)
    {
        var i = open + 1;
        var negated = i < pattern.Length && pattern[i] is '!' or '^';
        i += negated ? 1 : 0;
        var ranges = new System.Text.StringBuilder();
        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            first = false;
            var low = Member(pattern, ref i, escapes);
            var high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                high = Member(pattern, ref i, escapes);
                if (high < low)
                {
                    throw new FormatException($"the range {low}-{high} in [...] runs backwards");
                }
            }

            ranges.Append(low).Append(high);
        }

        return i < pattern.Length ? (new GlobStep(GlobOp.Class, '\0', ranges.ToString(), negated), i) : null;
    }

    private static char Member(string pattern, ref int i, bool escapes)
    {
        if (escapes && pattern[i] == '\\' && i + 1 < pattern.Length)
        {
            i++;
        }

        return pattern[i++];
    }
}
