namespace Sov.Core.Tools.Search;

/// <summary>One step of a compiled glob: its kind, the character for <see cref="GlobOp.Char"/>, the ranges (pairs of low and high) of a class.</summary>
internal readonly record struct GlobStep(GlobOp Op, char Char = '\0', string Ranges = "", bool Negated = false)
{
    public bool ClassHas(char c)
    {
        var found = false;
        for (var i = 0; i + 1 < Ranges.Length && !found; i += 2)
        {
            found = c >= Ranges[i] && c <= Ranges[i + 1];
        }

        return found != Negated;
    }
}
