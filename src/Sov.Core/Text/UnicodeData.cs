using Sov.Core.Text.Generated;

namespace Sov.Core.Text;

/// <summary>
/// Read access to the generated UCD tables. The Basic Multilingual Plane is expanded into two 64 KiB
/// arrays on first use (lazily, so commands other than the text border never pay for it); the rest of
/// the code space is a binary search over runs. Immutable once built.
/// </summary>
public static class UnicodeData
{
    public const byte IdContinue = 1;
    public const byte Assigned = 2;
    public const byte DefaultIgnorable = 4;
    public const byte WhiteSpace = 8;
    public const byte ExtendedPictographic = 16;
    public const byte Emoji = 32;
    public const byte VariationBase = 64;
    public const byte Confusable = 128;

    /// <summary>The Unicode version of the tables, e.g. 15.0.0.</summary>
    public static string UnicodeVersion => UnicodeTables.UnicodeVersion;

    /// <summary>The ICU version whose confusable skeletons were generated into the tables.</summary>
    public static string IcuVersion => UnicodeTables.IcuVersion;

    public static byte Flags(int codePoint)
    {
        if ((uint)codePoint < 0x10000)
        {
            return Bmp.Flags[codePoint];
        }

        return (uint)codePoint > 0x10FFFF ? (byte)0 : (byte)FindRun(UnicodeTables.FlagRuns, codePoint);
    }

    public static int ScriptIndex(int codePoint)
    {
        if ((uint)codePoint < 0x10000)
        {
            return Bmp.Scripts[codePoint];
        }

        return (uint)codePoint > 0x10FFFF ? 0 : FindRun(UnicodeTables.ScriptRuns, codePoint);
    }

    public static string ScriptName(int scriptIndex) => UnicodeTables.ScriptNames[scriptIndex];

    public static int ScriptIndexOf(string name) => Array.IndexOf(UnicodeTables.ScriptNames, name);

    /// <summary>True when (base, selector) is a registered standardized or emoji variation sequence.</summary>
    public static bool IsRegisteredVariation(int baseCodePoint, int selector) =>
        UnicodeTables.VariationSequences.BinarySearch(((ulong)(uint)baseCodePoint << 32) | (uint)selector) >= 0;

    /// <summary>Appends the TR39 skeleton of one code point (ICU's uspoof mapping) as UTF-16.</summary>
    public static void AppendSkeleton(int codePoint, ref ValueBuilder builder)
    {
        if ((Flags(codePoint) & Confusable) != 0)
        {
            var index = UnicodeTables.SkeletonIndex;
            int lo = 0, hi = index.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var key = (int)(index[mid] >> 32);
                if (key == codePoint)
                {
                    var offset = (int)((index[mid] >> 8) & 0xFFFFFF);
                    var length = (int)(index[mid] & 0xFF);
                    foreach (var cp in UnicodeTables.SkeletonData.Slice(offset, length))
                    {
                        builder.AppendCodePoint((int)cp);
                    }

                    return;
                }

                if (key < codePoint)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }

        builder.AppendCodePoint(codePoint);
    }

    private static int FindRun(ReadOnlySpan<uint> runs, int codePoint)
    {
        int lo = 0, hi = runs.Length - 1;
        var key = (uint)codePoint;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if ((runs[mid] >> 8) <= key)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (int)(runs[lo] & 0xFF);
    }

    /// <summary>The BMP tables, built by the type initializer on first touch.</summary>
    private static class Bmp
    {
        internal static readonly byte[] Flags = Expand(UnicodeTables.FlagRuns);
        internal static readonly byte[] Scripts = Expand(UnicodeTables.ScriptRuns);

        private static byte[] Expand(ReadOnlySpan<uint> runs)
        {
            var table = new byte[0x10000];
            for (var i = 0; i < runs.Length; i++)
            {
                var start = (int)(runs[i] >> 8);
                if (start >= 0x10000)
                {
                    break;
                }

                var end = i + 1 < runs.Length ? Math.Min((int)(runs[i + 1] >> 8), 0x10000) : 0x10000;
                table.AsSpan(start, end - start).Fill((byte)(runs[i] & 0xFF));
            }

            return table;
        }
    }
}
