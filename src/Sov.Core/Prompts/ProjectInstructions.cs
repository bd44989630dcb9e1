using System.Globalization;
using Sov.Core.Files;
using Sov.Core.Text;

namespace Sov.Core.Prompts;

/// <summary>
/// The person's and the project's standing instructions: <c>AGENTS.md</c> from the user config folder,
/// then from the repository root down to the workspace folder, each level adding to the one above. A
/// level without AGENTS.md falls back to CLAUDE.md, QWEN.md or GEMINI.md (the first found; the source
/// list says which). The project's files are read through the file border (<see cref="ProjectFileBorder"/>:
/// symlinks leading out, non-regular files and hard links refused, read rules applied, capped); the
/// person's own file is trusted but capped; <see cref="Files"/> says what was read and what was refused,
/// and why. A refused file is not replaced by a fallback name. Everything read passes the text border:
/// hidden characters are revealed as visible markers, so they never reach the model hidden, and the findings
/// are returned so the front door can warn the person at start. (Pinned attacks: "Rules File Backdoor",
/// instructions hidden in a rules file; issue #12 item 2, a symlinked AGENTS.md putting any file in the prompt.)
/// </summary>
public sealed record ProjectInstructions(string? Text, IReadOnlyList<string> Sources, IReadOnlyList<(string File, TextFinding Finding)> Findings)
{
    public static readonly IReadOnlyList<string> FileNames = ["AGENTS.md", "CLAUDE.md", "QWEN.md", "GEMINI.md"];

    /// <summary>Every instructions file found, read or not, in order.</summary>
    public IReadOnlyList<ProjectFileRead> Files { get; init; } = [];

    /// <summary>Says so when the instructions together are longer than the prompt takes; null when they fit.</summary>
    public string? CutNote => Text is { Length: > SystemPrompt.MaxAgentsMdChars }
        ? string.Create(CultureInfo.InvariantCulture, $"the instructions are {Text.Length:N0} characters; only the first {SystemPrompt.MaxAgentsMdChars:N0} reach the model")
        : null;

    /// <summary>
    /// For headless runs: one warning naming what was read and what was not, and why, when some instructions
    /// file was refused, held back or read only in part; null when everything found was read whole.
    /// </summary>
    public string? Warning => Files.All(f => f.Status == ProjectFileStatus.Read) && CutNote is null
        ? null
        : "Project instructions: " + string.Join("; ", Files.Select(f => f.Note).Append(CutNote).OfType<string>()) + ".";

    /// <summary>Loads the chain with no read rules (the border's own checks still apply).</summary>
    public static ProjectInstructions Load(string? userConfigDir, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Load(userConfigDir, new ProjectFileBorder(workspace, policy: null));
    }

    public static ProjectInstructions Load(string? userConfigDir, ProjectFileBorder border)
    {
        ArgumentNullException.ThrowIfNull(border);
        var workspaceRoot = border.Workspace.Root;
        var chain = RepositoryToWorkspace(workspaceRoot);
        var files = new List<ProjectFileRead>();
        if (userConfigDir is not null && First(n => ProjectFileBorder.ReadOwn(border.Workspace.Files, Path.Combine(userConfigDir, n))) is { } own)
        {
            files.Add(own);
        }

        foreach (var folder in chain)
        {
            // The workspace's own files stay inside the workspace; the levels above it inside the repository.
            var containedIn = folder == workspaceRoot ? null : chain[0];
            if (First(n => border.Read(Path.Combine(folder, n), containedIn: containedIn)) is { } found)
            {
                files.Add(found);
            }
        }

        var parts = new List<string>();
        var sources = new List<string>();
        var findings = new List<(string, TextFinding)>();
        foreach (var file in files.Where(f => f.WasRead))
        {
            var raw = file.Text!;
            foreach (var f in TextBorder.Inspect(raw, SourceKind.Prose, Severity.Medium))
            {
                findings.Add((file.Display, f));
            }

            var safe = TextBorder.Reveal(raw, SourceKind.Prose).Trim();
            if (safe.Length > 0)
            {
                parts.Add(safe);
                sources.Add(file.Display);
            }
        }

        return new ProjectInstructions(parts.Count == 0 ? null : string.Join("\n\n", parts), sources, findings) { Files = files };
    }

    private static ProjectFileRead? First(Func<string, ProjectFileRead?> read) =>
        FileNames.Select(read).FirstOrDefault(r => r is not null);

    /// <summary>The repository root (nearest folder above holding .git) down to the workspace; just the workspace outside a repository.</summary>
    private static List<string> RepositoryToWorkspace(string workspaceRoot)
    {
        var chain = new List<string>();
        for (var dir = new DirectoryInfo(workspaceRoot); dir is not null; dir = dir.Parent)
        {
            chain.Add(dir.FullName);
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                chain.Reverse();
                return chain;
            }
        }

        return [workspaceRoot];
    }
}
