using Sov.Core.Files;
using Sov.Core.Files.Walk;

namespace Sov.Core.Permissions;

/// <summary>
/// What a sandboxed shell command must not see because deny or ask read rules hold it back: the workspace is
/// walked with the one tree walker (ignored files too: .env files are usually git-ignored; not .git, which is protected anyway) and each
/// path the rules hold back is listed, a folder whole without descending. Rules naming an absolute path without
/// wildcards are listed when the path exists; absolute patterns with wildcards cannot be expanded and are not.
/// Costs one walk per shell command, and only when read rules exist.
/// </summary>
public static class ReadMasks
{
    /// <summary>More paths than this are refused rather than masked one by one.</summary>
    public const int Limit = 10_000;

    /// <summary>The absolute paths to mask; null when there are more than <see cref="Limit"/> or the workspace cannot be listed (fail closed).</summary>
    public static IReadOnlyList<string>? Find(IFileSystem files, string workspaceRoot, PermissionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        ArgumentNullException.ThrowIfNull(policy);
        var masks = new List<string>();
        if (!policy.HasReadRules)
        {
            return masks;
        }

        // Held-back folders are masked whole, not entered; the top .git is protected anyway.
        // The root goes in the file border's escape (a backslash in its text is a byte); a folder that cannot be listed
        // here is unreadable in the sandbox too, but the root itself must be listed, or nothing would be masked.
        var rootUnreadable = false;
        var root = TreeWalker.Shown(workspaceRoot);
        var walk = new TreeWalker(files).Walk(root, "", null,
            e => policy.ReadsFreely(e.Relative) && e.Relative != ".git", (folder, _) => rootUnreadable |= folder == root, cancellationToken);
        foreach (var entry in walk)
        {
            if (!policy.ReadsFreely(entry.Relative))
            {
                masks.Add(Maskable(entry.FullPath, root, workspaceRoot));
                if (masks.Count > Limit)
                {
                    return null;
                }
            }
        }

        if (rootUnreadable)
        {
            return null;
        }

        foreach (var rule in policy.Rules.Deny.Concat(policy.Rules.Ask))
        {
            if (rule.Kind == RuleKind.Read && Path.IsPathRooted(rule.Pattern) && rule.Pattern.IndexOfAny(['*', '?', '[', '{']) < 0 && Path.Exists(rule.Pattern))
            {
                masks.Add(rule.Pattern);
            }
        }

        return masks.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The path as the sandbox can be told it: a name that is not UTF-8 cannot be, so its nearest folder that can is
    /// masked instead (more hidden, never less).
    /// </summary>
    private static string Maskable(string escaped, string escapedRoot, string workspaceRoot)
    {
        for (var path = escaped; path.Length > escapedRoot.Length; path = Path.GetDirectoryName(path) ?? escapedRoot)
        {
            if (FileNames.AsText(path) is { } text)
            {
                return text;
            }
        }

        return workspaceRoot;
    }
}
