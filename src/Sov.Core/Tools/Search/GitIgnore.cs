namespace Sov.Core.Tools.Search;

/// <summary>
/// The .gitignore rules seen while walking down from the workspace root (plus .git/info/exclude).
/// The last matching rule wins, as in git; a negation re-includes. Immutable: each folder gets a child.
/// </summary>
public sealed class GitIgnore
{
    private readonly IReadOnlyList<GitIgnoreRule> _rules;

    private GitIgnore(IReadOnlyList<GitIgnoreRule> rules) => _rules = rules;

    public static GitIgnore Empty { get; } = new([]);

    /// <summary>Rules for the root folder: its .gitignore and .git/info/exclude.</summary>
    public static GitIgnore ForRoot(string root)
    {
        var rules = new List<GitIgnoreRule>();
        Load(rules, "", Path.Combine(root, ".git", "info", "exclude"));
        Load(rules, "", Path.Combine(root, ".gitignore"));
        return new GitIgnore(rules);
    }

    /// <summary>These rules plus the .gitignore in <paramref name="relativeDir"/>, if there is one.</summary>
    public GitIgnore Descend(string root, string relativeDir)
    {
        var file = Path.Combine(root, relativeDir, ".gitignore");
        if (!File.Exists(file))
        {
            return this;
        }

        var rules = new List<GitIgnoreRule>(_rules);
        Load(rules, relativeDir, file);
        return new GitIgnore(rules);
    }

    /// <summary>True when the path (relative to the root, '/'-separated) is ignored.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            string local;
            if (rule.BaseDir.Length == 0)
            {
                local = relativePath;
            }
            else if (relativePath.StartsWith(rule.BaseDir + "/", StringComparison.Ordinal))
            {
                local = relativePath[(rule.BaseDir.Length + 1)..];
            }
            else
            {
                continue;
            }

            if (rule.Regex.IsMatch(local))
            {
                return !rule.Negated;
            }
        }

        return false;
    }

    private static void Load(List<GitIgnoreRule> rules, string baseDir, string file)
    {
        if (!File.Exists(file))
        {
            return;
        }

        foreach (var line in File.ReadLines(file))
        {
            if (GitIgnoreRule.Parse(baseDir, line) is { } rule)
            {
                rules.Add(rule);
            }
        }
    }
}
