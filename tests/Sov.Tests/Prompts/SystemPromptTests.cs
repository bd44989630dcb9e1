using Sov.Core.Prompts;

namespace Sov.Tests.Prompts;

public sealed class SystemPromptTests
{
    private static readonly EnvironmentContext Context = new("/w/proj", "Linux", new DateOnly(2026, 11, 24), null);

    [Fact]
    public void TheTemplateIsTheRepositoryFileVerbatim()
    {
        var file = Path.Combine(Sov.TestKit.SovBinary.RepositoryRoot, "src", "Sov.Core", "Prompts", "SystemPrompt.md");
        Assert.Equal(File.ReadAllText(file), SystemPrompt.Template);
    }

    [Fact]
    public void CarriesWorkspaceOsFamilyAndUtcDateOnly()
    {
        var prompt = SystemPrompt.Build(Context);
        Assert.Contains("- Workspace: /w/proj", prompt, StringComparison.Ordinal);
        Assert.Contains("- OS: Linux", prompt, StringComparison.Ordinal);
        Assert.Contains("- Date (UTC): 2026-11-24", prompt, StringComparison.Ordinal);
        // Nothing else about the machine: peers leak kernel versions, time zones, host and user names.
        Assert.DoesNotContain(Environment.MachineName, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.OSVersion.Version.ToString(), prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeZoneInfo.Local.Id, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentsMdAndConfigInstructionsAreAppended()
    {
        var prompt = SystemPrompt.Build(Context with { AgentsMd = "Use tabs." }, "Answer in French.");
        Assert.Contains("Use tabs.", prompt, StringComparison.Ordinal);
        Assert.Contains("Answer in French.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeAgentsMdIsCapped()
    {
        var prompt = SystemPrompt.Build(Context with { AgentsMd = new string('x', 100_000) });
        Assert.True(prompt.Length < SystemPrompt.MaxAgentsMdChars + 3000);
        Assert.Contains("[AGENTS.md truncated]", prompt, StringComparison.Ordinal);
    }
}
