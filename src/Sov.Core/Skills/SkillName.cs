namespace Sov.Core.Skills;

/// <summary>What a skill may be called: lower-case letters, digits and hyphens, at most 64 characters (as Claude Code's).</summary>
public static class SkillName
{
    public const int MaxLength = 64;

    public const string Rule = "lower-case letters, digits and hyphens, at most 64 characters";

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
