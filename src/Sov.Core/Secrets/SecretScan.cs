namespace Sov.Core.Secrets;

/// <summary>
/// Where the secret patterns match in a text: every kind of <see cref="SecretPatterns.All"/>, then values
/// assigned to secret names that are random enough (<see cref="Entropy.LooksSecret"/>). Overlaps are left in;
/// the redactor merges them.
/// </summary>
internal static class SecretScan
{
    public static List<(string Kind, int Start, int Length)> Find(string text)
    {
        var hits = new List<(string Kind, int Start, int Length)>();
        foreach (var (kind, pattern) in SecretPatterns.All)
        {
            foreach (System.Text.RegularExpressions.Match m in pattern.Matches(text))
            {
                var g = m.Groups["s"];
                hits.Add(g.Success ? (kind, g.Index, g.Length) : (kind, m.Index, m.Length));
            }
        }

        foreach (System.Text.RegularExpressions.Match m in SecretPatterns.Assignment().Matches(text))
        {
            var g = m.Groups["s"];
            if (Entropy.LooksSecret(g.ValueSpan))
            {
                hits.Add(("assigned-secret", g.Index, g.Length));
            }
        }

        return hits;
    }
}
