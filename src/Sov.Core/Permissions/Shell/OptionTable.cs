using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// The options of one program (or git subcommand) known to be read-only: short option letters and long
/// option names with their <see cref="Arity"/>. Anything not listed is unknown, and an unknown option makes
/// a command need approval. Long names are matched exactly: an abbreviation is never taken as safe.
/// </summary>
public sealed class OptionTable
{
    private OptionTable(FrozenDictionary<char, Arity> shorts, FrozenDictionary<string, Arity> longs, bool numeric)
    {
        Shorts = shorts;
        Longs = longs;
        NumericShort = numeric;
    }

    public FrozenDictionary<char, Arity> Shorts { get; }

    /// <summary>Long option names including their dashes (<c>--oneline</c>; <c>-name</c> for single-dash ones).</summary>
    public FrozenDictionary<string, Arity> Longs { get; }

    /// <summary>True when <c>-NUM</c> (as in <c>head -5</c>, <c>git log -3</c>) is a count.</summary>
    public bool NumericShort { get; }

    /// <summary>
    /// A table from compact lists: <paramref name="flags"/> and <paramref name="values"/> are letters;
    /// the long lists are space-separated names with dashes. <paramref name="optional"/> names options
    /// (short as <c>-M</c>, long as <c>--stat</c>) whose argument is optional and attached only.
    /// </summary>
    public static OptionTable Of(string flags, string values = "", string longFlags = "", string longValues = "", string optional = "", bool numeric = false)
    {
        var shorts = new Dictionary<char, Arity>();
        var longs = new Dictionary<string, Arity>(StringComparer.Ordinal);
        Add(shorts, flags, Arity.None);
        Add(shorts, values, Arity.Required);
        Add(longs, longFlags, Arity.None);
        Add(longs, longValues, Arity.Required);
        foreach (var name in Split(optional))
        {
            if (name.Length == 2)
            {
                shorts[name[1]] = Arity.Optional;
            }
            else
            {
                longs[name] = Arity.Optional;
            }
        }

        return new OptionTable(shorts.ToFrozenDictionary(), longs.ToFrozenDictionary(StringComparer.Ordinal), numeric);
    }

    /// <summary>This table and <paramref name="other"/> together (the other's entries win).</summary>
    public OptionTable With(OptionTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var shorts = Shorts.ToDictionary();
        var longs = Longs.ToDictionary(StringComparer.Ordinal);
        foreach (var (k, v) in other.Shorts)
        {
            shorts[k] = v;
        }

        foreach (var (k, v) in other.Longs)
        {
            longs[k] = v;
        }

        return new OptionTable(shorts.ToFrozenDictionary(), longs.ToFrozenDictionary(StringComparer.Ordinal), NumericShort || other.NumericShort);
    }

    private static void Add(Dictionary<char, Arity> table, string letters, Arity arity)
    {
        foreach (var c in letters)
        {
            table[c] = arity;
        }
    }

    private static void Add(Dictionary<string, Arity> table, string names, Arity arity)
    {
        foreach (var name in Split(names))
        {
            table[name] = arity;
        }
    }

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
