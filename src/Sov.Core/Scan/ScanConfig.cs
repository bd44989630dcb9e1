namespace Sov.Core.Scan;

/// <summary>A loaded <c>.sovscan.toml</c>: its path, the folder its globs are relative to, and its rules.</summary>
public sealed record ScanConfig(string Path, string Root, IReadOnlyList<SuppressRule> Rules)
{
    /// <summary>The name the file has at a scanned root.</summary>
    public const string FileName = ".sovscan.toml";

    /// <summary>The rules whose paths match <paramref name="fullPath"/> (relative to <see cref="Root"/>; none for files outside it).</summary>
    public IReadOnlyList<SuppressRule> RulesFor(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || System.IO.Path.IsPathRooted(relative))
        {
            return [];
        }

        return [.. Rules.Where(r => r.MatchesPath(relative))];
    }

    /// <summary>How the justification of a finding this rule suppressed reads in SARIF.</summary>
    public string Justify(SuppressRule rule) => $"{FileName}:{rule.Line}: {rule.Reason}";
}
