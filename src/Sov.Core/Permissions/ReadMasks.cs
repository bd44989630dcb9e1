namespace Sov.Core.Permissions;

/// <summary>
/// What a sandboxed shell command must not see because deny or ask read rules hold it back: the workspace is
/// walked (ignored files too: .env files are usually git-ignored; not .git, which is protected anyway) and each
/// path the rules hold back is listed, a folder whole without descending. Rules naming an absolute path without
/// wildcards are listed when the path exists; absolute patterns with wildcards cannot be expanded and are not.
/// Costs one walk per shell command, and only when read rules exist.
/// </summary>
public static class ReadMasks
{
    /// <summary>More paths than this are refused rather than masked one by one.</summary>
    public const int Limit = 10_000;

    /// <summary>The absolute paths to mask; null when there are more than <see cref="Limit"/>.</summary>
    public static IReadOnlyList<string>? Find(string workspaceRoot, PermissionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        ArgumentNullException.ThrowIfNull(policy);
        var masks = new List<string>();
        if (!policy.HasReadRules)
        {
            return masks;
        }

        var stack = new Stack<(string Full, string Relative)>();
        stack.Push((workspaceRoot, ""));
        while (stack.TryPop(out var folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder.Full).EnumerateFileSystemInfos();
                foreach (var entry in entries)
                {
                    var relative = folder.Relative.Length == 0 ? entry.Name : folder.Relative + "/" + entry.Name;
                    var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
                    if (!policy.ReadsFreely(relative))
                    {
                        masks.Add(entry.FullName);
                        if (masks.Count > Limit)
                        {
                            return null;
                        }
                    }
                    else if (isFolder && !(folder.Relative.Length == 0 && entry.Name == ".git"))
                    {
                        stack.Push((entry.FullName, relative));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder is unreadable inside the sandbox too.
            }
        }

        foreach (var rule in policy.Rules.Deny.Concat(policy.Rules.Ask))
        {
            if (rule.Kind == RuleKind.Read && Path.IsPathRooted(rule.Pattern) && rule.Pattern.IndexOfAny(['*', '?', '[', '{']) < 0 && Path.Exists(rule.Pattern))
            {
                masks.Add(rule.Pattern);
            }
        }

        return masks;
    }
}
