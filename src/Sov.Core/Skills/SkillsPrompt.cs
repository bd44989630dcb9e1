using System.Text;

namespace Sov.Core.Skills;

/// <summary>
/// The skills' part of the system prompt: one line per skill, its name and description (cut short), and how to read
/// one; the bodies stay out until the model asks (progressive disclosure: a few bytes per request).
/// </summary>
public static class SkillsPrompt
{
    /// <summary>The most characters of a description the prompt carries.</summary>
    public const int MaxDescriptionChars = 200;

    /// <summary>The most characters the whole list may take; skills beyond it are named without a description.</summary>
    public const int MaxListChars = 4_000;

    /// <summary>The section to append to the system prompt, or "" when there are no skills.</summary>
    public static string Section(SkillCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Skills.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder("\n# Skills\nCall skill with a name to read its instructions before a task it fits:\n");
        var budget = MaxListChars;
        foreach (var skill in catalog.Skills)
        {
            var description = skill.Description.ReplaceLineEndings(" ");
            description = description.Length > MaxDescriptionChars ? description[..MaxDescriptionChars] + "..." : description;
            var line = budget > description.Length + skill.Name.Length ? $"- {skill.Name}: {description}\n" : $"- {skill.Name}\n";
            budget -= line.Length;
            sb.Append(line);
        }

        return sb.ToString();
    }
}
