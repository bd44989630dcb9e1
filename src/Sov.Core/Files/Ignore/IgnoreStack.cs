namespace Sov.Core.Files.Ignore;

/// <summary>The .gitignore files in force for one folder, outermost first; innermost decides last. Immutable.</summary>
internal sealed class IgnoreStack
{
    public static readonly IgnoreStack Empty = new([]);

    private readonly GitIgnoreFile[] _files;

    private IgnoreStack(GitIgnoreFile[] files) => _files = files;

    /// <summary>No ignore file in force: nothing is ignored.</summary>
    public bool IsEmpty => _files.Length == 0;

    public bool IsIgnored(string fullPath, string name, bool isDirectory)
    {
        for (var i = _files.Length - 1; i >= 0; i--)
        {
            if (_files[i].Decide(fullPath, name, isDirectory) is { } ignored)
            {
                return ignored;
            }
        }

        return false;
    }

    /// <summary>This stack plus the folder's own .gitignore (and .git/info/exclude at a repository root).</summary>
    public IgnoreStack Enter(string directory, bool hasGit = true, bool hasGitIgnore = true)
    {
        var added = new List<GitIgnoreFile>(2);
        if (hasGit && GitIgnoreFile.Load(directory, Path.Join(directory, ".git", "info", "exclude")) is { } exclude)
        {
            added.Add(exclude);
        }

        if (hasGitIgnore && GitIgnoreFile.Load(directory, Path.Join(directory, ".gitignore")) is { } own)
        {
            added.Add(own);
        }

        return added.Count == 0 ? this : new IgnoreStack([.. _files, .. added]);
    }

    /// <summary>The stack for a folder named on the command line: .gitignore files from its repository root down to its parent.</summary>
    public static IgnoreStack For(string directory)
    {
        var chain = new List<string>();
        var current = directory;
        while (current is not null)
        {
            chain.Add(current);
            if (Directory.Exists(Path.Join(current, ".git")) || File.Exists(Path.Join(current, ".git")))
            {
                break;
            }

            current = Path.GetDirectoryName(current);
        }

        if (current is null)
        {
            chain = [directory]; // not in a repository: only the folder's own files
        }

        var stack = Empty;
        for (var i = chain.Count - 1; i >= 1; i--) // the folder itself is entered by the walker
        {
            stack = stack.Enter(chain[i]);
        }

        return stack;
    }
}
