namespace Sov.Core.Skills;

/// <summary>
/// One skill found at start: its name and description (revealed by the text border: only these go into the
/// prompt), where it came from (<c>project</c>: <c>.sov/skills/</c>; <c>user</c>: the config folder's <c>skills/</c>;
/// <c>claude</c>: the project's <c>.claude/skills/</c>), its <c>SKILL.md</c> as shown to the person and its folder.
/// </summary>
public sealed record Skill(string Name, string Description, string Origin, string Display, string File)
{
    public string Folder => Path.GetDirectoryName(File)!;

    /// <summary>True for the person's own skills (trusted files outside the workspace); false for the project's.</summary>
    public bool IsOwn => Origin == "user";
}
