using Sov.Core.Text;

namespace Sov.Core.Prompts;

/// <summary>
/// The person's and the project's standing instructions: <c>AGENTS.md</c> from the user config folder,
/// then from the repository root down to the workspace folder, each level adding to the one above. A
/// level without AGENTS.md falls back to CLAUDE.md, QWEN.md or GEMINI.md (the first found; the source
/// list says which). Everything passes the text border: hidden characters are revealed as visible
/// markers, so they never reach the model hidden, and the findings are returned so the front door can
/// warn the person at start. (Pinned attack: "Rules File Backdoor", instructions hidden in a rules file.)
/// </summary>
public sealed record ProjectInstructions(string? Text, IReadOnlyList<string> Sources, IReadOnlyList<(string File, TextFinding Finding)> Findings)
{
    public static readonly IReadOnlyList<string> FileNames = ["AGENTS.md", "CLAUDE.md", "QWEN.md", "GEMINI.md"];

    private const long MaxFileBytes = 256 * 1024;

    public static ProjectInstructions Load(string? userConfigDir, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        var folders = new List<string>();
        if (userConfigDir is not null)
        {
            folders.Add(userConfigDir);
        }

        folders.AddRange(RepositoryToWorkspace(workspaceRoot));
        var parts = new List<string>();
        var sources = new List<string>();
        var findings = new List<(string, TextFinding)>();
        foreach (var folder in folders)
        {
            var file = FileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
            if (file is null || new FileInfo(file).Length > MaxFileBytes)
            {
                continue;
            }

            var raw = File.ReadAllText(file);
            foreach (var f in TextBorder.Inspect(raw, SourceKind.Prose, Severity.Medium))
            {
                findings.Add((file, f));
            }

            var safe = TextBorder.Reveal(raw, SourceKind.Prose).Trim();
            if (safe.Length > 0)
            {
                parts.Add(safe);
                sources.Add(file);
            }
        }

        return new ProjectInstructions(parts.Count == 0 ? null : string.Join("\n\n", parts), sources, findings);
    }

    /// <summary>The repository root (nearest folder above holding .git) down to the workspace; just the workspace outside a repository.</summary>
    private static IEnumerable<string> RepositoryToWorkspace(string workspaceRoot)
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
