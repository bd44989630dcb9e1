using System.Globalization;
using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Prompts;

/// <summary>
/// The system prompt: Prompts/SystemPrompt.md (embedded, shown verbatim by <c>sov prompt show</c>)
/// followed by the environment context. AGENTS.md is capped so a repository cannot bloat every request.
/// </summary>
public static class SystemPrompt
{
    public const int MaxAgentsMdChars = 16_000;

    /// <summary>The Markdown resource exactly as it is in the repository.</summary>
    public static string Template { get; } = LoadTemplate();

    public static string Build(EnvironmentContext context, string? instructions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sb = new StringBuilder(Template.TrimEnd());
        sb.Append("\n\n# Environment\n");
        sb.Append("- Workspace: ").Append(context.WorkspacePath).Append('\n');
        sb.Append("- OS: ").Append(context.OsFamily).Append('\n');
        sb.Append("- Date (UTC): ").Append(context.UtcDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            sb.Append("\n# Instructions from config\n").Append(TextBorder.Reveal(instructions.Trim())).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(context.AgentsMd))
        {
            // AGENTS.md comes from the repository: hidden instructions in it are revealed, not obeyed unseen.
            var agents = TextBorder.Reveal(context.AgentsMd.Trim());
            if (agents.Length > MaxAgentsMdChars)
            {
                agents = agents[..MaxAgentsMdChars] + "\n[AGENTS.md truncated]";
            }

            sb.Append("\n# Project instructions (AGENTS.md)\n").Append(agents).Append('\n');
        }

        return sb.ToString();
    }

    private static string LoadTemplate()
    {
        using var stream = typeof(SystemPrompt).Assembly.GetManifestResourceStream("Sov.Core.Prompts.SystemPrompt.md")
            ?? throw new InvalidOperationException("The system prompt resource is missing from Sov.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
