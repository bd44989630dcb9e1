namespace Sov.Core.Files.Ignore;

/// <summary>The patterns of one .gitignore (or .git/info/exclude), relative to the folder it governs.</summary>
internal sealed class GitIgnoreFile(string directory, IReadOnlyList<GitIgnorePattern> patterns)
{
    private readonly bool _anyAnchored = patterns.Any(p => p.Anchored);

    /// <summary>The folder the patterns are relative to (full path, no trailing separator).</summary>
    public string Directory { get; } = directory;

    /// <summary>null when no pattern matches; otherwise whether the last matching pattern ignores.</summary>
    public bool? Decide(string fullPath, string name, bool isDirectory)
    {
        var relative = _anyAnchored ? Path.GetRelativePath(Directory, fullPath).Replace('\\', '/') : null;
        for (var i = patterns.Count - 1; i >= 0; i--)
        {
            if (patterns[i].Matches(patterns[i].Anchored ? relative! : name, isDirectory))
            {
                return !patterns[i].Negated;
            }
        }

        return null;
    }

    public static GitIgnoreFile? Load(string directory, string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var patterns = new List<GitIgnorePattern>();
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                if (GitIgnorePattern.Parse(line) is { } pattern)
                {
                    patterns.Add(pattern);
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return patterns.Count == 0 ? null : new GitIgnoreFile(directory, patterns);
    }
}
