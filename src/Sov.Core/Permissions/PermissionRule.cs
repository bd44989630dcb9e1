namespace Sov.Core.Permissions;

/// <summary>
/// One rule pattern from config, such as <c>shell:git status</c>, <c>shell:npm test*</c>,
/// <c>write:src/**</c>, <c>write:src/{a,b}.cs</c>, <c>read:**/.env*</c> or <c>mcp:github/*</c>. Shell patterns match a whole command segment (its words
/// joined by single spaces); path patterns match the workspace-relative path ('/' separators), or the
/// absolute path for files outside the workspace.
/// </summary>
public sealed record PermissionRule(RuleKind Kind, string Pattern)
{
    public static PermissionRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var pattern = colon < 0 ? "" : text[(colon + 1)..].Trim();
        RuleKind? parsed = kind switch
        {
            "shell" or "bash" => RuleKind.Shell,
            "write" or "edit" => RuleKind.Write,
            "read" => RuleKind.Read,
            "mcp" => RuleKind.Mcp,
            _ => null,
        };
        if (parsed is null || pattern.Length == 0)
        {
            throw new Config.ConfigException(
                $"Permission rule '{text}' is not of the form shell:<command>, write:<glob>, read:<glob> or mcp:<server>/<tool>.",
                "Fix the rule in the [permissions] section of your config, e.g. \"shell:git status\" or \"write:src/**\".");
        }

        try
        {
            _ = new Tools.Search.GlobPattern(pattern, parsed is RuleKind.Read or RuleKind.Write ? Tools.Search.GlobSyntax.Path : Tools.Search.GlobSyntax.Text);
        }
        catch (FormatException e)
        {
            throw new Config.ConfigException($"Permission rule '{text}': {e.Message}.", "Fix the rule in the [permissions] section of your config.");
        }

        return new PermissionRule(parsed.Value, pattern);
    }

    public bool MatchesPath(string path) => Kind is RuleKind.Read or RuleKind.Write && Glob.MatchPath(Pattern, path);

    /// <summary>For <c>mcp:</c> rules: matches <c>SERVER/TOOL</c> (<c>*</c> matches anything, as <c>mcp:github/*</c>).</summary>
    public bool MatchesMcp(string serverTool) => Kind == RuleKind.Mcp && Glob.MatchText(Pattern, serverTool);

    public bool MatchesCommand(string segment) => Kind == RuleKind.Shell && Glob.MatchText(Pattern, segment);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Pattern}";
}
