using Sov.Core.Files;
using Sov.Core.Text;
using Sov.Core.Tools;

namespace Sov.Core.Skills;

/// <summary>
/// The skills of a session: folders holding a <c>SKILL.md</c> in the project's <c>.sov/skills/</c>, the person's
/// config folder <c>skills/</c>, and the project's <c>.claude/skills/</c> as a fallback (the first of a name wins, in
/// that order). Only each skill's name and description are read into the prompt at start; its body is read again
/// when the model calls <c>skill</c> with its name (<see cref="SkillTool"/>). The project's files come through the
/// file border as AGENTS.md does (symlinks leading out, non-regular files, hard links refused; read rules applied;
/// capped); the person's own are trusted but capped. Everything read passes the text border: hidden characters are
/// revealed as visible markers and reported in <see cref="Findings"/>. A <c>SKILL.md</c> with bad front matter is
/// left out with a one-line warning naming its file and line. Skills are instructions, never permissions.
/// </summary>
public sealed class SkillCatalog
{
    /// <summary>The most skills a session lists; more are left out with a warning.</summary>
    public const int MaxSkills = 64;

    private readonly ProjectFileBorder? _border;

    private SkillCatalog(ProjectFileBorder? border, IReadOnlyList<Skill> skills, IReadOnlyList<string> warnings,
        IReadOnlyList<ProjectFileRead> files, IReadOnlyList<(string File, TextFinding Finding)> findings)
    {
        _border = border;
        Skills = skills;
        Warnings = warnings;
        Files = files;
        Findings = findings;
    }

    public static SkillCatalog Empty { get; } = new(null, [], [], [], []);

    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>One line each: a skill left out (bad front matter with file:line, a file the border refused, a duplicate name).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every SKILL.md found, as the file border let it through (for the journal).</summary>
    public IReadOnlyList<ProjectFileRead> Files { get; }

    /// <summary>Hidden characters found in the skills' front matter, revealed before they reach the prompt.</summary>
    public IReadOnlyList<(string File, TextFinding Finding)> Findings { get; }

    /// <summary>The <c>skill</c> tool when there is a skill to read; none otherwise (nothing is added to requests).</summary>
    public IEnumerable<ITool> Tools() => Skills.Count == 0 ? [] : [new SkillTool(this)];

    public Skill? Find(string name) => Skills.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public static SkillCatalog Load(string? userConfigDir, ProjectFileBorder border)
    {
        ArgumentNullException.ThrowIfNull(border);
        var root = border.Workspace.Root;
        var places = new List<(string Folder, string Origin)> { (Path.Combine(root, ".sov", "skills"), "project") };
        if (userConfigDir is not null)
        {
            places.Add((Path.Combine(userConfigDir, "skills"), "user"));
        }

        places.Add((Path.Combine(root, ".claude", "skills"), "claude"));
        var skills = new List<Skill>();
        var warnings = new List<string>();
        var files = new List<ProjectFileRead>();
        var findings = new List<(string, TextFinding)>();
        foreach (var (folder, origin) in places)
        {
            foreach (var file in SkillFiles(folder))
            {
                var read = origin == "user" ? ProjectFileBorder.ReadOwn(border.Workspace.Files, file) : border.Read(file);
                if (read is null)
                {
                    continue;
                }

                files.Add(read);
                if (!read.WasRead)
                {
                    warnings.Add($"Skill not loaded: {read.Note}.");
                    continue;
                }

                var matter = SkillFrontMatter.Parse(read.Text!);
                if (matter.Problem is { } problem)
                {
                    warnings.Add($"{read.Display}:{problem.Line}: skill not loaded: {problem.Message}.");
                    continue;
                }

                if (skills.Any(s => s.Name == matter.Name))
                {
                    continue; // an earlier place has a skill of this name (.sov/skills, then the user's, then .claude/skills)
                }

                if (skills.Count == MaxSkills)
                {
                    warnings.Add($"{read.Display}: skill not loaded: a session lists at most {MaxSkills} skills.");
                    continue;
                }

                var shown = matter.Name + "\n" + matter.Description;
                var found = TextBorder.Inspect(shown, SourceKind.Prose, Severity.Medium);
                findings.AddRange(found.Select(f => (read.Display, f)));
                if (found.Count > 0)
                {
                    warnings.Add($"{read.Display}: {found.Count} hidden character(s) in the skill's name or description ({found[0].CodePointText} {found[0].Category}); they reach the model only as visible markers.");
                }

                skills.Add(new Skill(matter.Name!, TextBorder.Reveal(matter.Description!, SourceKind.Prose), origin, read.Display, file));
            }
        }

        return new SkillCatalog(border, skills, warnings, files, findings);
    }

    /// <summary>Reads a skill's SKILL.md again, as at start (border, cap); null with <paramref name="why"/> when it cannot.</summary>
    public SkillFrontMatter? ReadBody(Skill skill, out string? why)
    {
        ArgumentNullException.ThrowIfNull(skill);
        var read = Read(skill, skill.File);
        why = read is null ? $"{skill.Display} is gone" : !read.WasRead ? read.Note : null;
        if (why is not null)
        {
            return null;
        }

        var matter = SkillFrontMatter.Parse(read!.Text!);
        why = matter.Problem is { } p ? $"{skill.Display}:{p.Line}: {p.Message}" : null;
        return why is null ? matter : null;
    }

    /// <summary>A file of a skill's folder, through the same border as its SKILL.md.</summary>
    public ProjectFileRead? Read(Skill skill, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return _border is null ? null
            : skill.IsOwn ? ProjectFileBorder.ReadOwn(_border.Workspace.Files, fullPath)
            : _border.Read(fullPath);
    }

    /// <summary>The workspace-relative form of a project skill's path (read_file takes it); the full path for the person's own.</summary>
    public string Shown(Skill skill, string fullPath) =>
        _border is not null && !skill.IsOwn && _border.Workspace.Contains(fullPath) ? _border.Workspace.Relative(fullPath) : fullPath;

    private static IEnumerable<string> SkillFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        try
        {
            return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "SKILL.md")).Where(System.IO.File.Exists).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
